package io.learningloop.command.commands;

import io.learningloop.access.Caller;
import io.learningloop.access.OutsideUnitsException;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.MetaData;

/**
 * The API key a command is sent for, carried in the command's metadata: its id and name go on with every
 * event the command applies (they are the history's "who wrote this"), its org units stay with the
 * command, where each aggregate checks them against the unit of the step it already holds — the one
 * thing the HTTP layer cannot see (docs/security.md, "Writing inside one's units").
 */
public record Writer(String keyId, String keyName, List<String> orgUnits) {

    /** Metadata keys copied from a command to its events (see DomainConfiguration). */
    public static final String KEY_ID = "apiKeyId";

    public static final String KEY_NAME = "apiKeyName";

    private static final String ORG_UNITS = "writerOrgUnits";

    public Writer {
        orgUnits = List.copyOf(orgUnits);
    }

    public static Writer of(Caller caller) {
        return new Writer(caller.keyId(), caller.name(), caller.orgUnits());
    }

    public Map<String, Object> metaData() {
        return Map.of(KEY_ID, keyId, KEY_NAME, keyName, ORG_UNITS, orgUnits);
    }

    /**
     * Refuses a command whose writer does not cover the unit of the step it is about. A command without a
     * writer is refused too: every way in names one, so its absence is a bug, not a permission.
     *
     * @param orgUnit the unit of the step as recorded; null while no step is recorded (nothing to protect)
     */
    public static void requireCovers(MetaData metaData, String orgUnit) {
        if (orgUnit == null) {
            return;
        }
        if (!(metaData.get(ORG_UNITS) instanceof List<?> units)) {
            throw new IllegalStateException("a command reached an aggregate without the API key it was sent for");
        }
        if (!Caller.covers(units.stream().map(String::valueOf).toList(), orgUnit)) {
            throw new OutsideUnitsException(null, orgUnit);
        }
    }
}
