package io.learningloop.analytics.evidence;

import io.learningloop.analytics.evidence.Evidence.Chain;
import io.learningloop.analytics.evidence.Evidence.Change;
import io.learningloop.analytics.evidence.Evidence.Decision;
import io.learningloop.analytics.evidence.Evidence.Lesson;
import io.learningloop.analytics.evidence.Evidence.Origin;
import io.learningloop.analytics.evidence.Evidence.Review;
import io.learningloop.analytics.evidence.EvidenceChains.Link;
import io.learningloop.readmodel.LessonDocument;
import io.learningloop.readmodel.LoopDocument;
import io.learningloop.readmodel.LoopDocument.ReviewRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** One chain as the answer shows it: the later decision, the change, the lesson and where the lesson came from. */
final class EvidenceChain {

    private EvidenceChain() {}

    static Chain of(EvidenceRequest request, Link link, Map<String, LoopDocument> originsById) {
        LoopDocument decision = link.decision();
        LessonDocument lesson = link.lesson();
        boolean lessonText = request.mayReadTextOf(lesson.orgUnit());
        Instant changedAt = link.cited().changedAt() != null
                ? link.cited().changedAt()
                : link.applied().changedAt();
        List<LoopDocument> origins = lesson.decisionIds().stream()
                .sorted()
                .map(originsById::get)
                .filter(Objects::nonNull)
                // a retracted origin is left out; the lesson drawn from it still counts (it is not retracted)
                .filter(origin -> !origin.retracted())
                .toList();
        return new Chain(
                decision.decisionId(),
                link.behaviorChangeId(),
                lesson.lessonId(),
                EvidenceChains.days(lesson.recordedAt(), decision.decidedAt()),
                link.crossUnit(),
                new Decision(decision.title(), decision.orgUnit(), decision.category(), decision.decidedAt()),
                new Change(link.cited().description(), changedAt),
                new Lesson(
                        lessonText ? lesson.lesson() : null,
                        lessonText ? lesson.thinkingChange() : null,
                        lesson.extractionPractice(),
                        lesson.themes(),
                        lesson.orgUnit(),
                        lesson.recordedAt(),
                        !lessonText),
                origins.stream().map(origin -> origin(request, origin)).toList(),
                reviews(lesson, origins));
    }

    private static Origin origin(EvidenceRequest request, LoopDocument origin) {
        boolean title = request.mayReadTextOf(origin.orgUnit());
        return new Origin(
                origin.decisionId(),
                title ? origin.title() : null,
                origin.orgUnit(),
                origin.outcome() == null ? null : origin.outcome().assessment(),
                !title);
    }

    /**
     * The reviews the lesson names ({@code reviewIds}), found on its origins; a lesson that names none came
     * from its decisions, and all their reviews are shown. A review of two origins shows once; by heldAt.
     */
    private static List<Review> reviews(LessonDocument lesson, List<LoopDocument> origins) {
        Map<String, Review> reviews = new LinkedHashMap<>();
        for (LoopDocument origin : origins) {
            for (ReviewRef review : origin.reviews()) {
                if (lesson.reviewIds().isEmpty() || lesson.reviewIds().contains(review.reviewId())) {
                    reviews.putIfAbsent(
                            review.reviewId(),
                            new Review(
                                    review.reviewId(),
                                    origin.decisionId(),
                                    review.kind(),
                                    review.rootCauseThemes() == null ? List.of() : review.rootCauseThemes(),
                                    review.heldAt()));
                }
            }
        }
        List<Review> ordered = new ArrayList<>(reviews.values());
        ordered.sort(Comparator.comparing(Review::heldAt, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Review::reviewId));
        return ordered;
    }
}
