package io.learningloop.command.http;

import io.learningloop.contract.StepIds;

/** Formats shared by every step's request: ids, people and free text limits. */
final class StepRules {

    /** Step ids: tools bring their own; letters, digits and {@code . _ : -}, no spaces ({@link StepIds}). */
    static final String ID = StepIds.PATTERN;

    static final String ID_MESSAGE = StepIds.MESSAGE;

    /** A person's identity as a tool knows them; whatever it is, only its pseudonym is kept. */
    static final String PERSON_MESSAGE = "must name a person as the tool knows them, 1-" + PersonFields.MAX_IDENTITY
            + " characters without control characters (it is pseudonymised on arrival)";

    static final String ORG_UNIT_MESSAGE = "must be a lower-case path such as acme/eng/platform";

    /** Root-cause and lesson themes; the command side checks them against the configured vocabulary. */
    static final String THEME = "^[a-z][a-z0-9-]{0,49}$";

    static final String THEME_MESSAGE = "must be a theme such as ownership";

    static final int TEXT = 4000;
    static final int TITLE = 300;
    static final int NAME = 100;
    static final int MAX_REFERENCES = 50;

    private StepRules() {}
}
