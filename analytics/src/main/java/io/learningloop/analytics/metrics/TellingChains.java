package io.learningloop.analytics.metrics;

import io.learningloop.analytics.evidence.Evidence.Chain;
import io.learningloop.analytics.evidence.Evidence.Origin;
import io.learningloop.analytics.evidence.Evidence.Review;
import io.learningloop.contract.events.Assessment;
import io.learningloop.contract.events.ExtractionPractice;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The chains of evidence that tell most, and each in a sentence a reader without the API understands.
 * Most telling first: learned from a bad outcome (a failure named and learned from is what a safe culture
 * makes possible), then across units (learning that spread), then drawn out by conversation rather than
 * only written down, then the quickest. Staff read the sentence without any free text (no title, no
 * lesson text): only the kind of decision, the units, the months, the themes and how it was drawn out.
 */
final class TellingChains {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

    private TellingChains() {}

    static final Comparator<Chain> MOST_TELLING = Comparator.comparing((Chain chain) -> !fromABadOutcome(chain))
            .thenComparing(chain -> !chain.crossUnit())
            .thenComparing(chain -> chain.lesson().extractionPractice() == ExtractionPractice.DOCUMENT_ONLY
                    || chain.lesson().extractionPractice() == ExtractionPractice.UNKNOWN)
            .thenComparingDouble(Chain::elapsedDays)
            .thenComparing(Chain::decisionId)
            .thenComparing(Chain::lessonId);

    /** The {@code count} most telling of {@code chains}, most telling first. */
    static List<Chain> mostTelling(List<Chain> chains, int count) {
        return chains.stream().sorted(MOST_TELLING).limit(count).toList();
    }

    /**
     * "A product decision in acme/eng/platform (March 2025) was made differently because of a lesson on
     * assumptions that acme/eng drew in November 2024 by storytelling, from a post-mortem of a failed
     * decision: 112 days from lesson to decision." With {@code freeText}, the decision's title and the
     * lesson's words follow, where the reader may see them.
     */
    static String inWords(Chain chain, boolean freeText) {
        StringBuilder words = new StringBuilder();
        String category = chain.decision().category() == null
                ? "A"
                : capitalised(article(chain.decision().category().wireName())) + " "
                        + chain.decision().category().wireName();
        words.append(category)
                .append(" decision in ")
                .append(chain.decision().orgUnit())
                .append(" (")
                .append(month(chain.decision().decidedAt()))
                .append(") was made differently because of a lesson");
        if (!chain.lesson().themes().isEmpty()) {
            words.append(" on ").append(String.join(" and ", chain.lesson().themes()));
        }
        words.append(chain.crossUnit() ? " that " + chain.lesson().orgUnit() : " that the unit")
                .append(" drew in ")
                .append(month(chain.lesson().recordedAt()));
        String practice = practice(chain.lesson().extractionPractice());
        if (practice != null) {
            words.append(" ").append(practice);
        }
        String source = source(chain);
        if (source != null) {
            words.append(", from ").append(source);
        }
        words.append(": ").append(Math.round(chain.elapsedDays())).append(" days from lesson to decision.");
        if (freeText) {
            if (chain.decision().title() != null) {
                words.append(" Decision: “").append(chain.decision().title()).append("”.");
            }
            if (!chain.lesson().textWithheld() && chain.lesson().text() != null) {
                words.append(" Lesson: “").append(chain.lesson().text()).append("”");
                if (chain.lesson().thinkingChange() != null) {
                    words.append(" (").append(chain.lesson().thinkingChange()).append(")");
                }
                words.append(".");
            }
        }
        return words.toString();
    }

    private static boolean fromABadOutcome(Chain chain) {
        return chain.origins().stream()
                .map(Origin::outcomeAssessment)
                .anyMatch(assessment -> PracticeSignals.BAD_OUTCOMES.contains(assessment));
    }

    /** "a post-mortem of a failed decision", "a failed decision", "a retrospective", or null. */
    private static String source(Chain chain) {
        Assessment worst = chain.origins().stream()
                .map(Origin::outcomeAssessment)
                .filter(assessment -> assessment != null)
                .min(Comparator.comparing(assessment -> !PracticeSignals.BAD_OUTCOMES.contains(assessment)))
                .orElse(null);
        String decision = worst == null ? null : outcomeWords(worst) + " decision";
        String review = chain.reviews().stream()
                .map(Review::kind)
                .filter(kind -> kind != null)
                .map(kind -> kind.wireName())
                .findFirst()
                .orElse(null);
        if (review != null && decision != null) {
            return article(review) + " " + review + " of " + article(decision) + " " + decision;
        }
        if (review != null) {
            return article(review) + " " + review;
        }
        return decision == null ? null : article(decision) + " " + decision;
    }

    private static String outcomeWords(Assessment assessment) {
        return switch (assessment) {
            case FAILED -> "failed";
            case WORSE_THAN_EXPECTED -> "disappointing";
            case AS_EXPECTED -> "successful";
            case BETTER_THAN_EXPECTED -> "better-than-expected";
        };
    }

    private static String practice(ExtractionPractice practice) {
        if (practice == null) {
            return null;
        }
        return switch (practice) {
            case STORYTELLING -> "by storytelling";
            case FACILITATED_CHALLENGE -> "in a facilitated challenge";
            case PAIRING -> "by pairing";
            case DOCUMENT_ONLY -> "in writing only";
            case UNKNOWN -> null;
        };
    }

    private static String month(java.time.Instant instant) {
        return instant == null ? "an unknown month" : MONTH.format(instant.atZone(ZoneOffset.UTC));
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static String article(String word) {
        return "aeiou".indexOf(Character.toLowerCase(word.charAt(0))) >= 0 ? "an" : "a";
    }
}
