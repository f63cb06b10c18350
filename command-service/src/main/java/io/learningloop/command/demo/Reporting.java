package io.learningloop.command.demo;

import io.learningloop.command.demo.DemoHistory.Order;
import io.learningloop.command.demo.DemoHistory.Step;
import io.learningloop.contract.events.ReportedBy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * How openly a unit deals with what it finds: whether a decision's owner reports the outcome or others
 * discover it, and whether a lesson is shared with another unit. Both are safety signals, so the
 * learning units do them more and the ritual unit rarely.
 */
final class Reporting {

    private final Random random;

    Reporting(Random random) {
        this.random = random;
    }

    String reportedBy(DemoUnit unit) {
        return (random.nextDouble() < unit.habits().ownerReports() ? ReportedBy.DECISION_OWNER : ReportedBy.OTHERS)
                .wireName();
    }

    /** Maybe a share of the lesson with one other unit, some days after it was drawn. */
    List<Step> shares(String lessonId, DemoUnit unit, Instant lessonAt) {
        if (random.nextDouble() >= unit.habits().sharesLesson()) {
            return List.of();
        }
        List<DemoUnit> others =
                DemoUnit.ALL.stream().filter(other -> other != unit).toList();
        DemoUnit with = others.get(random.nextInt(others.size()));
        Instant sharedAt = lessonAt.plus(Duration.ofDays(1 + random.nextInt(20)));
        Map<String, Object> share = DemoHistory.body(sharedAt, DemoHistory.actor(random));
        share.put("sharedWithOrgUnit", with.path());
        return List.of(new Step(sharedAt, Order.LESSON_SHARE, "/lessons/" + lessonId + "/shares", share));
    }
}
