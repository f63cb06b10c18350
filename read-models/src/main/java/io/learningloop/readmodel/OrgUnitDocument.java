package io.learningloop.readmodel;

import java.util.List;

/**
 * A document of an org unit that rolls up through its path and may be retracted: the fields every
 * cohort filter uses, named once for the loops and lessons indices alike.
 */
public interface OrgUnitDocument {

    String ORG_UNIT = "orgUnit";
    String ORG_UNIT_PATH = "orgUnitPath";
    String RETRACTED = "retracted";

    /** The org unit and every unit above it, so that a term query on one unit rolls up what lies below. */
    List<String> orgUnitPath();

    /** A retracted step's document stays, marked, and counts nowhere. */
    boolean retracted();
}
