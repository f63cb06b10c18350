-- Which pending deadlines belong to which aggregate, so that ending an action or retracting a
-- decision cancels its own deadlines by id. Without it Axon's DbSchedulerDeadlineManager finds them
-- by reading and deserialising every pending deadline of the task (cancelAllWithinScope): a cost that
-- grows with all the deadlines of the organisation, paid on every completed action (issue 10).
-- A row whose deadline has fired stays until its scope is cancelled or its aggregate retracted; a
-- cancel by a fired id is a no-op in db-scheduler.
create table deadline_schedule (
    schedule_id text primary key,
    scope text not null,
    deadline_name text not null
);

create index deadline_schedule_scope_idx on deadline_schedule (scope, deadline_name);

grant select, insert, delete on deadline_schedule to ${service_role};
