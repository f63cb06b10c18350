package io.learningloop.query.loops;

import io.learningloop.contract.DueDates;
import io.learningloop.contract.events.CheckInHeldEvent;
import io.learningloop.contract.events.CheckInMissedEvent;
import io.learningloop.contract.events.DecisionMadeEvent;
import io.learningloop.readmodel.CheckInStatus;
import io.learningloop.readmodel.LoopDocument.CheckIn;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The check-ins part: planned by the decision, then held (in time or late) or missed. */
final class CheckIns {

    private CheckIns() {}

    /** The planned dates, keeping what is already known of each (a decision re-applied on a replay). */
    static List<CheckIn> planned(List<CheckIn> known, DecisionMadeEvent made) {
        List<CheckIn> all = new ArrayList<>(known);
        for (LocalDate date : made.checkInDates()) {
            if (all.stream().noneMatch(checkIn -> checkIn.scheduledFor().equals(date))) {
                all.add(new CheckIn(date, CheckInStatus.PLANNED, null, null));
            }
        }
        all.sort(Comparator.comparing(CheckIn::scheduledFor));
        return List.copyOf(all);
    }

    /** Held (late, if it had been missed); a repeat of the same event changes nothing. */
    static LoopParts held(LoopParts loop, CheckInHeldEvent held) {
        CheckIn current = find(loop.checkIns(), held.scheduledFor());
        boolean late = current != null
                && (current.status() == CheckInStatus.MISSED || current.status() == CheckInStatus.HELD_LATE);
        return with(
                loop,
                new CheckIn(
                        held.scheduledFor(),
                        late ? CheckInStatus.HELD_LATE : CheckInStatus.HELD,
                        held.occurredAt(),
                        held.onTrack()));
    }

    /** Missed, unless it was held meanwhile. */
    static LoopParts missed(LoopParts loop, CheckInMissedEvent missed) {
        CheckIn current = find(loop.checkIns(), missed.scheduledFor());
        if (current != null && current.heldAt() != null) {
            return loop;
        }
        return with(loop, new CheckIn(missed.scheduledFor(), CheckInStatus.MISSED, null, null));
    }

    /** As answered at {@code now}: still planned, but its day plus the tolerance passed, it reads missed. */
    static List<CheckIn> asOf(List<CheckIn> checkIns, Instant now, Duration tolerance) {
        return checkIns.stream()
                .map(checkIn -> checkIn.status() == CheckInStatus.PLANNED
                                && !DueDates.checkInMissedAt(checkIn.scheduledFor(), tolerance)
                                        .isAfter(now)
                        ? new CheckIn(checkIn.scheduledFor(), CheckInStatus.MISSED, null, null)
                        : checkIn)
                .toList();
    }

    private static CheckIn find(List<CheckIn> checkIns, LocalDate date) {
        return checkIns.stream()
                .filter(checkIn -> checkIn.scheduledFor().equals(date))
                .findFirst()
                .orElse(null);
    }

    private static LoopParts with(LoopParts loop, CheckIn checkIn) {
        List<CheckIn> changed = new ArrayList<>(loop.checkIns().stream()
                .filter(other -> !other.scheduledFor().equals(checkIn.scheduledFor()))
                .toList());
        changed.add(checkIn);
        changed.sort(Comparator.comparing(CheckIn::scheduledFor));
        return loop.withCheckIns(List.copyOf(changed));
    }
}
