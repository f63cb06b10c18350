package io.learningloop.contract.events;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Kebab-case wire names for enums, so JSON, indices and Kibana read {@code worse-than-expected}. */
public final class WireNames {

    private WireNames() {}

    public static String of(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses a wire name; the message lists the accepted values, since it reaches API users verbatim. */
    public static <E extends Enum<E>> E parse(Class<E> type, String value) {
        for (E candidate : type.getEnumConstants()) {
            if (of(candidate).equals(value)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("'" + value + "' is not one of " + accepted(type));
    }

    public static String accepted(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(WireNames::of).collect(Collectors.joining(", ", "[", "]"));
    }
}
