package io.learningloop.command.demo;

import java.util.List;

/**
 * An org unit of the demo and how it works. The learning units (platform, people, and data a little)
 * convert more lessons each year and also keep the other habits of learning: they state what they do
 * not know, hold their check-ins, report their own outcomes, review blamelessly and finish what the
 * reviews assign. {@code acme/sales/emea} holds the ritual: many reviews, little follow-through.
 * {@code carriesOver}: how often a lesson that changed a decision shapes another one (and then
 * perhaps a second) in the next year's planning too, the evidence a learning unit shows a year later.
 */
record DemoUnit(
        String path,
        String[] categories,
        double[] conversionByYear,
        double carriesOver,
        double speedUpPerYear,
        Habits habits) {

    /** The ritual unit keeps finding the same root causes, whatever it learned. */
    boolean relearns() {
        return path.equals("acme/sales/emea");
    }

    /** Shares (0..1) of the occasions on which the unit does the thing. */
    record Habits(
            double statesUncertainty,
            double holdsCheckIn,
            double ownerReports,
            double reviews,
            double facilitated,
            double blameless,
            double completes,
            double drops,
            double sharesLesson) {}

    static final List<DemoUnit> ALL = List.of(
            new DemoUnit(
                    "acme/eng/platform",
                    new String[] {"operations", "product"},
                    new double[] {0.3, 0.5, 0.7},
                    0.8,
                    0.75,
                    new Habits(0.6, 0.7, 0.8, 0.6, 0.7, 0.85, 0.8, 0.1, 0.35)),
            new DemoUnit(
                    "acme/eng/data",
                    new String[] {"product", "operations"},
                    new double[] {0.2, 0.25, 0.3},
                    0.3,
                    0.9,
                    new Habits(0.4, 0.55, 0.6, 0.5, 0.5, 0.65, 0.65, 0.15, 0.2)),
            new DemoUnit(
                    "acme/product/growth",
                    new String[] {"product", "strategy"},
                    new double[] {0.4, 0.4, 0.4},
                    0.2,
                    1.0,
                    new Habits(0.3, 0.45, 0.5, 0.45, 0.4, 0.5, 0.55, 0.15, 0.15)),
            new DemoUnit(
                    "acme/sales/emea",
                    new String[] {"strategy", "talent"},
                    new double[] {0.1, 0.1, 0.15},
                    0.0,
                    1.0,
                    new Habits(0.1, 0.3, 0.2, 0.9, 0.8, 0.2, 0.3, 0.25, 0.05)),
            new DemoUnit(
                    "acme/people",
                    new String[] {"talent", "org-design"},
                    new double[] {0.2, 0.35, 0.5},
                    0.5,
                    0.8,
                    new Habits(0.55, 0.65, 0.7, 0.6, 0.6, 0.8, 0.75, 0.1, 0.25)));
}
