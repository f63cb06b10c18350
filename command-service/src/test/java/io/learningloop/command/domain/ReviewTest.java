package io.learningloop.command.domain;

import static io.learningloop.command.domain.Steps.at;
import static io.learningloop.command.domain.Steps.stamp;

import io.learningloop.command.commands.HoldReviewCommand;
import io.learningloop.command.commands.StepAccepted;
import io.learningloop.contract.events.ReviewKind;
import io.learningloop.contract.events.RootCause;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReviewTest {

    private final InMemoryLoopReferences references = new InMemoryLoopReferences()
            .decision("d-1", Instant.parse("2025-03-01T10:00:00Z"))
            .decision("d-2", Instant.parse("2025-04-01T10:00:00Z"));
    private AggregateTestFixture<Review> fixture;

    @BeforeEach
    void setUp() {
        fixture = Steps.fixture(Review.class);
        fixture.registerInjectableResource(references);
        fixture.registerInjectableResource(RootCauseThemes.standardPlus(List.of("vendor-lock-in")));
    }

    private static HoldReviewCommand review(String id, String occurredAt, String theme, String... decisionIds) {
        return new HoldReviewCommand(
                id,
                stamp("e-" + id),
                at(occurredAt),
                List.of(decisionIds),
                ReviewKind.POST_MORTEM,
                List.of(new RootCause(theme, "Nobody owned the dead-letter queue")),
                true,
                true,
                7);
    }

    @Test
    void blamelessFacilitatedReviewOfSeveralDecisionsIsRecorded() {
        HoldReviewCommand command = review("r-1", "2025-06-01T10:00:00Z", "ownership", "d-1", "d-2");
        fixture.givenNoPriorActivity()
                .when(command)
                .expectEvents(command.toEvent(command.stamp()))
                .expectResultMessagePayload(StepAccepted.recorded("r-1", "e-r-1"));
    }

    @Test
    void themeAddedByConfigurationIsAccepted() {
        HoldReviewCommand command = review("r-1", "2025-06-01T10:00:00Z", "vendor-lock-in", "d-1");
        fixture.givenNoPriorActivity().when(command).expectEvents(command.toEvent(command.stamp()));
    }

    @Test
    void themeOutsideTheVocabularyIsRejectedWithTheVocabulary() {
        fixture.givenNoPriorActivity()
                .when(review("r-1", "2025-06-01T10:00:00Z", "bad-luck", "d-1"))
                .expectNoEvents()
                .expectException(LoopRuleViolationException.class)
                .expectExceptionMessage("'bad-luck' is not a root-cause theme; the vocabulary is [assumptions,"
                        + " capacity, communication, external, incentives, information, ownership, process, skills,"
                        + " tooling, vendor-lock-in]");
    }

    @Test
    void reviewOfAnUnknownDecisionIsRejected() {
        fixture.givenNoPriorActivity()
                .when(review("r-1", "2025-06-01T10:00:00Z", "ownership", "d-1", "d-404"))
                .expectNoEvents()
                .expectException(UnknownReferenceException.class);
    }

    @Test
    void reviewCannotPrecedeADecisionItLooksBackAt() {
        fixture.givenNoPriorActivity()
                .when(review("r-1", "2025-03-15T10:00:00Z", "ownership", "d-1", "d-2"))
                .expectNoEvents()
                .expectException(LoopRuleViolationException.class);
    }

    @Test
    void sameReviewPostedAgainIsARepeat() {
        HoldReviewCommand original = review("r-1", "2025-06-01T10:00:00Z", "ownership", "d-1");
        fixture.given(original.toEvent(original.stamp()))
                .when(review("r-1", "2025-06-01T10:00:00Z", "ownership", "d-1"))
                .expectNoEvents()
                .expectResultMessagePayload(StepAccepted.repeated("r-1", "e-r-1"));
    }
}
