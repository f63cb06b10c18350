package io.learningloop.readmodel;

import java.util.Locale;

/** Kebab-case wire names of the read side's enums ({@code held-late}), as the contract names its own. */
final class WireName {

    private WireName() {}

    static String of(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value) {
        for (E candidate : type.getEnumConstants()) {
            if (of(candidate).equals(value)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("'" + value + "' is not a " + type.getSimpleName());
    }
}
