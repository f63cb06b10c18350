package io.learningloop.query.loops;

import io.learningloop.contract.EventTypes;
import io.learningloop.contract.events.LessonSharedEvent;
import io.learningloop.contract.events.ReviewHeldEvent;
import io.learningloop.contract.events.RootCause;
import io.learningloop.readmodel.LoopDocument.LessonShare;
import io.learningloop.readmodel.LoopDocument.ReviewRef;

/** The reviews of this decision, and where its lessons were shared. */
final class ReviewsAndShares {

    static final String REVIEW_HELD = EventTypes.name(ReviewHeldEvent.class);

    private ReviewsAndShares() {}

    static LoopParts review(LoopParts loop, ReviewHeldEvent held) {
        if (Corrections.retractedStep(loop, REVIEW_HELD, held.reviewId())) {
            return loop;
        }
        var review = new ReviewRef(
                held.reviewId(),
                held.occurredAt(),
                held.kind(),
                held.facilitated(),
                held.blameless(),
                held.participantCount(),
                held.rootCauses().stream()
                        .map(RootCause::theme)
                        .distinct()
                        .sorted()
                        .toList(),
                held.orgUnit());
        return loop.withReviews(LoopParts.upsert(loop.reviews(), review, ReviewRef::reviewId));
    }

    static LoopParts shared(LoopParts loop, LessonSharedEvent shared) {
        if (Corrections.retractedStep(loop, LessonsAndChanges.LESSON_RECORDED, shared.lessonId())) {
            return loop;
        }
        return loop.withLessons(
                loop.lessons(),
                LoopParts.upsert(
                        loop.lessonShares(),
                        new LessonShare(shared.lessonId(), shared.sharedWithOrgUnit(), shared.occurredAt()),
                        share -> share.lessonId() + " " + share.sharedWithOrgUnit()));
    }
}
