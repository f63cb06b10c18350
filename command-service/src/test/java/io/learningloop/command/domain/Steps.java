package io.learningloop.command.domain;

import io.learningloop.command.commands.Correction;
import io.learningloop.command.commands.MakeDecisionCommand;
import io.learningloop.command.commands.ObserveOutcomeCommand;
import io.learningloop.command.commands.Provenance;
import io.learningloop.command.commands.RecordBehaviorChangeCommand;
import io.learningloop.command.commands.RecordLessonCommand;
import io.learningloop.command.commands.Stamp;
import io.learningloop.command.commands.Writer;
import io.learningloop.contract.events.Assessment;
import io.learningloop.contract.events.DecisionCategory;
import io.learningloop.contract.events.ExtractionPractice;
import io.learningloop.contract.events.ReportedBy;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.test.aggregate.AggregateTestFixture;

/** Ready-made commands for the fixtures; each test changes only what it is about. */
final class Steps {

    static final Instant RECORDED = Instant.parse("2026-01-10T09:00:00Z");

    /** Checked an hour after arrival at the earliest; a check-in is missed three days after its day. */
    static final DeadlinePolicy DEADLINES = new DeadlinePolicy(Duration.ofHours(1), Duration.ofDays(3));

    /** The key every fixture's command is sent for: it covers all of acme, where every test's steps lie. */
    static final Writer ACME_KEY = new Writer("fixturekey01", "fixtures", List.of("acme"));

    private Steps() {}

    /** A fixture whose commands are sent for {@link #ACME_KEY}, as every command the service sends names its key. */
    static <A> AggregateTestFixture<A> fixture(Class<A> aggregate) {
        AggregateTestFixture<A> fixture = new AggregateTestFixture<>(aggregate);
        fixture.registerCommandDispatchInterceptor(sentFor(ACME_KEY));
        return fixture;
    }

    static MessageDispatchInterceptor<CommandMessage<?>> sentFor(Writer writer) {
        return messages -> (index, message) -> message.andMetaData(writer.metaData());
    }

    static Stamp stamp(String eventId) {
        return new Stamp(eventId, RECORDED);
    }

    static Provenance at(String occurredAt) {
        return new Provenance("acme/eng/platform", Instant.parse(occurredAt), "retro-tool", "u-4711");
    }

    /** Who corrects a step in the fixtures: another tool than the one that posted it. */
    static Correction correction(String eventId) {
        return new Correction(stamp(eventId), "fix-tool", "u-0815", "typed into the wrong field");
    }

    /** The decision of {@link #decision} with another confidence and time: what an amendment corrects. */
    static MakeDecisionCommand decisionAmended(String id, String occurredAt, double confidence, String... informedBy) {
        return new MakeDecisionCommand(
                id,
                stamp("e-amended-" + id),
                at(occurredAt),
                "Move billing to the new queue",
                DecisionCategory.OPERATIONS,
                "Fewer failed invoices",
                confidence,
                LocalDate.parse("2025-06-30"),
                List.of(informedBy),
                List.of(),
                List.of(),
                List.of());
    }

    static MakeDecisionCommand decision(String id, String occurredAt, String... informedBy) {
        return new MakeDecisionCommand(
                id,
                stamp("e-" + id),
                at(occurredAt),
                "Move billing to the new queue",
                DecisionCategory.OPERATIONS,
                "Fewer failed invoices",
                0.7,
                LocalDate.parse("2025-06-30"),
                List.of(informedBy),
                List.of(),
                List.of(),
                List.of());
    }

    static ObserveOutcomeCommand outcome(String decisionId, String occurredAt) {
        return new ObserveOutcomeCommand(
                decisionId,
                stamp("e-outcome-" + decisionId),
                new Provenance(null, Instant.parse(occurredAt), "retro-tool", "u-4711"),
                Assessment.WORSE_THAN_EXPECTED,
                "Failures moved, not vanished",
                ReportedBy.DECISION_OWNER);
    }

    static RecordLessonCommand lesson(String id, String occurredAt, String... decisionIds) {
        return new RecordLessonCommand(
                id,
                stamp("e-" + id),
                at(occurredAt),
                List.of(decisionIds),
                "Queues hide failures",
                "We now ask where a failure goes before we move it",
                List.of(),
                List.of("ownership"),
                ExtractionPractice.STORYTELLING);
    }

    static RecordLessonCommand lessonFromReviews(
            String id, String occurredAt, List<String> decisionIds, List<String> reviewIds, String... themes) {
        return new RecordLessonCommand(
                id,
                stamp("e-" + id),
                at(occurredAt),
                decisionIds,
                "Queues hide failures",
                "We now ask where a failure goes before we move it",
                reviewIds,
                List.of(themes),
                ExtractionPractice.FACILITATED_CHALLENGE);
    }

    static RecordBehaviorChangeCommand behaviorChange(
            String id, String occurredAt, String decisionId, String... lessonIds) {
        return new RecordBehaviorChangeCommand(
                id,
                stamp("e-" + id),
                at(occurredAt),
                List.of(lessonIds),
                decisionId,
                "Added a dead-letter review before the switch");
    }
}
