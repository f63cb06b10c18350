package io.learningloop.analytics.statistics;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Comparator;
import java.util.List;

/**
 * The Kaplan-Meier estimate of how many cases had their event within a time, when some cases have not
 * had it <em>yet</em>: those are censored at the time they have been followed, so a young cohort counts
 * for as long as it has been watched and no longer (rather than as failures). Here a case is a lesson,
 * its event the first behaviour change citing it, its time the days from the lesson; a lesson without a
 * change is censored at its age.
 *
 * <p>The interval is Greenwood's variance on the log(-log) scale (Kalbfleisch and Prentice), which keeps
 * it inside [0, 1]. Where it degenerates (no event yet, or every case followed had one), the exact
 * binomial bound over the cases still followed at that time stands in: 0 of n events has the upper end
 * {@code 1 - 0.025^(1/n)}, n of n (the survival reached 0) the lower end {@code 0.025^(1/n)} with n
 * the cases at risk at the last event. Beyond the longest time any case
 * was followed the estimate is unknown (null), not carried on.
 */
public final class KaplanMeier {

    /** @param days how long the case was followed; {@code event}: whether it ended with the event */
    public record Observation(double days, boolean event) {}

    /**
     * The share of cases with their event within {@code days}, its interval, and its sample: {@code
     * followed}, the cases observed at least that long, {@code events}, the events by then; {@code
     * variance}, Greenwood's variance of the share (not shown), for comparing two cohorts at that time.
     */
    public record Cumulative(
            int days,
            Double share,
            Double lower95,
            Double upper95,
            long followed,
            long events,
            @JsonIgnore double variance)
            implements Estimate {

        @Override
        public Double value() {
            return share;
        }

        @Override
        public long n() {
            return followed;
        }
    }

    private final List<Observation> observations;

    public KaplanMeier(List<Observation> observations) {
        this.observations = observations.stream()
                .sorted(Comparator.comparingDouble(Observation::days))
                .toList();
    }

    public Cumulative within(int days) {
        long atRisk = observations.size();
        double survival = 1;
        double greenwood = 0; // sum of d / (n (n - d)) over the event times so far
        long events = 0;
        long atRiskAtLastEvent = 0;
        int i = 0;
        while (i < observations.size() && observations.get(i).days() <= days) {
            double time = observations.get(i).days();
            long eventsNow = 0;
            long leaving = 0;
            while (i < observations.size() && observations.get(i).days() == time) {
                eventsNow += observations.get(i).event() ? 1 : 0;
                leaving++;
                i++;
            }
            if (eventsNow > 0) {
                survival *= 1 - (double) eventsNow / atRisk;
                greenwood += atRisk == eventsNow ? 0 : (double) eventsNow / (atRisk * (atRisk - eventsNow));
                events += eventsNow;
                atRiskAtLastEvent = atRisk;
            }
            atRisk -= leaving;
        }
        long followed = observations.stream().filter(o -> o.days() >= days).count();
        if (followed == 0 && (observations.isEmpty() || survival > 0)) {
            return new Cumulative(days, null, null, null, 0, events, 0);
        }
        double share = 1 - survival;
        if (events == 0) {
            return new Cumulative(days, 0.0, 0.0, 1 - Math.pow(0.025, 1.0 / followed), followed, 0, 0);
        }
        if (survival == 0) {
            return new Cumulative(days, 1.0, Math.pow(0.025, 1.0 / atRiskAtLastEvent), 1.0, followed, events, 0);
        }
        double logSurvival = Math.log(survival);
        double se = Math.sqrt(greenwood) / Math.abs(logSurvival);
        double wide = Math.exp(Proportion.Z95 * se);
        // S^(e^{z se}) is the lower end of the survival, so the upper end of the share.
        return new Cumulative(
                days,
                share,
                1 - Math.pow(survival, 1 / wide),
                1 - Math.pow(survival, wide),
                followed,
                events,
                survival * survival * greenwood);
    }
}
