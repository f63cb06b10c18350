package io.learningloop.command.domain;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The controlled vocabulary of root-cause themes: fixed enough to count causes across reviews,
 * extensible by configuration ({@code learning-loop.root-cause-themes.extra}) when an organisation
 * needs its own.
 */
public record RootCauseThemes(Set<String> themes) {

    public static final List<String> STANDARD = List.of(
            "assumptions",
            "information",
            "communication",
            "ownership",
            "process",
            "capacity",
            "skills",
            "tooling",
            "incentives",
            "external");

    public RootCauseThemes {
        themes = Set.copyOf(themes);
    }

    /** The shape every theme has (the event contract's schema checks it too). */
    public static final Pattern SHAPE = Pattern.compile("^[a-z][a-z0-9-]{0,49}$");

    /** Fails at startup on a configured theme of the wrong shape, rather than on the first review. */
    public static RootCauseThemes standardPlus(List<String> extra) {
        Set<String> all = new LinkedHashSet<>(STANDARD);
        for (String theme : extra) {
            if (!SHAPE.matcher(theme).matches()) {
                throw new IllegalArgumentException("root-cause theme '" + theme + "' must match " + SHAPE);
            }
            all.add(theme);
        }
        return new RootCauseThemes(all);
    }

    boolean contains(String theme) {
        return themes.contains(theme);
    }

    String accepted() {
        return themes.stream().sorted().toList().toString();
    }
}
