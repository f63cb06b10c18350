package io.learningloop.analytics.evidence;

import io.learningloop.analytics.evidence.Evidence.Totals;

/** The answer in one sentence, always present, so that an empty answer says so in words. */
final class EvidenceSummary {

    private EvidenceSummary() {}

    static String of(EvidenceRequest request, Totals totals) {
        String where = request.orgUnit() != null ? request.orgUnit() + " and below" : "the units of this key";
        String learned = "recorded from " + request.learnedFrom() + " to "
                + request.learnedTo().minusDays(1) + " (both included)";
        if (totals.chains() == 0) {
            return "No decision made in " + request.year() + " in " + where + " ("
                    + count(totals.decisionsMade(), "decision") + " made) was made differently because of a lesson "
                    + learned + ".";
        }
        return totals.decisionsWithEvidence() + " of " + count(totals.decisionsMade(), "decision") + " made in "
                + request.year() + " in " + where + " " + (totals.decisionsWithEvidence() == 1 ? "was" : "were")
                + " made differently because of a lesson " + learned + ": " + count(totals.chains(), "chain")
                + ", " + totals.crossUnitChains() + " across units.";
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
