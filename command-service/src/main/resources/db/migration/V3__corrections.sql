-- Corrections: a retracted step stays known (its id is never reused) but is no longer found as a
-- reference; step_reference holds which step names which, so a step that others build on is not
-- retracted from under them, nor moved after them by an amendment.

alter table known_step add column retracted boolean not null default false;

create table step_reference (
    step_id varchar(100) not null,
    referenced_id varchar(100) not null,
    primary key (step_id, referenced_id)
);

create index step_reference_referenced_idx on step_reference (referenced_id);

-- Steps accepted before this version: their references, read from the stored events (JSON, as the
-- Jackson serializer writes them; bytea in UTF-8). Revision-1 lessons have no reviewIds yet.
insert into step_reference (step_id, referenced_id)
select distinct event.aggregate_identifier, reference.id
from domain_event_entry event
cross join lateral (select convert_from(event.payload, 'UTF8')::jsonb as json) payload
cross join lateral jsonb_array_elements_text(case event.payload_type
    when 'io.learningloop.contract.events.DecisionMadeEvent' then payload.json -> 'informedByLessonIds'
    when 'io.learningloop.contract.events.LessonRecordedEvent'
        then (payload.json -> 'decisionIds') || coalesce(payload.json -> 'reviewIds', '[]'::jsonb)
    when 'io.learningloop.contract.events.ReviewHeldEvent' then payload.json -> 'decisionIds'
    when 'io.learningloop.contract.events.ActionAssignedEvent' then jsonb_build_array(payload.json -> 'reviewId')
    when 'io.learningloop.contract.events.BehaviorChangedEvent'
        then (payload.json -> 'lessonIds') || jsonb_build_array(payload.json -> 'decisionId')
    end) as reference(id)
where event.payload_type in ('io.learningloop.contract.events.DecisionMadeEvent',
    'io.learningloop.contract.events.LessonRecordedEvent', 'io.learningloop.contract.events.ReviewHeldEvent',
    'io.learningloop.contract.events.ActionAssignedEvent', 'io.learningloop.contract.events.BehaviorChangedEvent');
