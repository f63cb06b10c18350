package io.learningloop.command.deadlines;

import java.time.Instant;
import java.util.List;
import org.axonframework.common.Registration;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.ScopeDescriptor;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Axon's deadline manager, plus a row per scheduled deadline naming its aggregate ({@code
 * deadline_schedule}), written in the step's own transaction. Cancelling an aggregate's deadlines then
 * cancels them by id; Axon's own {@code cancelAllWithinScope} reads and deserialises every pending
 * deadline of the task to find them, which made a large backfill quadratic (issue 10: about half of
 * the bulk import's CPU once tens of thousands of deadlines were pending).
 */
public final class IndexedDeadlineManager implements DeadlineManager {

    private final DeadlineManager delegate;
    private final JdbcTemplate jdbc;

    public IndexedDeadlineManager(DeadlineManager delegate, JdbcTemplate jdbc) {
        this.delegate = delegate;
        this.jdbc = jdbc;
    }

    @Override
    public String schedule(Instant triggerDateTime, String deadlineName, Object payload, ScopeDescriptor scope) {
        String scheduleId = delegate.schedule(triggerDateTime, deadlineName, payload, scope);
        jdbc.update(
                "insert into deadline_schedule (schedule_id, scope, deadline_name) values (?, ?, ?)",
                scheduleId,
                scope.scopeDescription(),
                deadlineName);
        return scheduleId;
    }

    @Override
    public void cancelSchedule(String deadlineName, String scheduleId) {
        delegate.cancelSchedule(deadlineName, scheduleId);
        jdbc.update("delete from deadline_schedule where schedule_id = ?", scheduleId);
    }

    /** Every deadline of this name, of every aggregate: rare, so Axon's own way. */
    @Override
    public void cancelAll(String deadlineName) {
        delegate.cancelAll(deadlineName);
        jdbc.update("delete from deadline_schedule where deadline_name = ?", deadlineName);
    }

    @Override
    public void cancelAllWithinScope(String deadlineName, ScopeDescriptor scope) {
        List<String> scheduleIds = jdbc.queryForList(
                "delete from deadline_schedule where scope = ? and deadline_name = ? returning schedule_id",
                String.class,
                scope.scopeDescription(),
                deadlineName);
        // A deadline that has fired is no longer pending; cancelling it again is a no-op.
        scheduleIds.forEach(id -> delegate.cancelSchedule(deadlineName, id));
    }

    @Override
    public Registration registerDispatchInterceptor(
            MessageDispatchInterceptor<? super DeadlineMessage<?>> dispatchInterceptor) {
        return delegate.registerDispatchInterceptor(dispatchInterceptor);
    }

    @Override
    public Registration registerHandlerInterceptor(
            MessageHandlerInterceptor<? super DeadlineMessage<?>> handlerInterceptor) {
        return delegate.registerHandlerInterceptor(handlerInterceptor);
    }

    @Override
    public void shutdown() {
        delegate.shutdown();
    }
}
