-- The event store is append-only by the database's own rule (issue 12, docs/security-postgres.md).
-- Migrations run as the schema owner; the command service runs as ${service_role}, which gets here
-- exactly what it needs, and no right to create anything (it owns nothing and has no CREATE).
--
-- Explicit grants per table, not ALTER DEFAULT PRIVILEGES: a default would hand every future table
-- whatever it names, a future append-only table included, without anyone deciding it. So every
-- migration that creates a table grants what the service needs on it (as V5 does for api_key);
-- forgetting it fails loudly (permission denied in the first test that touches the table), and
-- AppendOnlyEventStoreIntegrationTest checks that no table is left without a grant.

grant usage on schema ${flyway:defaultSchema} to ${service_role}, ${key_reader_role};

-- Stored events: read and append, nothing else.
grant select, insert on domain_event_entry to ${service_role};
grant usage on sequence domain_event_entry_seq to ${service_role};

-- Snapshots are read whenever an aggregate is loaded. None are written: no snapshotter is
-- configured. If one ever is, Axon's JPA store inserts a snapshot and deletes that aggregate's older
-- ones, so grant insert and delete here then: a snapshot is a cache rebuilt from the events, the
-- events themselves stay protected.
grant select on snapshot_event_entry to ${service_role};

-- State that is meant to change: tracking tokens (the Kafka publisher), sagas, dead letters,
-- db-scheduler's deadlines, and the step lookup (retractions, amendments).
grant select, insert, update, delete on token_entry, saga_entry, association_value_entry, dead_letter_entry,
    scheduled_tasks, known_step, step_reference to ${service_role};
grant usage on sequence association_value_entry_seq to ${service_role};

-- Whoever asks, the owner included: history is corrected by new events, never rewritten. Changing a
-- stored event takes dropping this trigger, on purpose and in the migration history. Statement-level,
-- so an UPDATE or DELETE is refused even when it matches no row.
create function refuse_event_rewrite() returns trigger
language plpgsql as $$
begin
    raise exception 'the event store is append-only: % on % refused', tg_op, tg_table_name
        using errcode = 'insufficient_privilege',
              hint = 'A stored event is never changed or removed; correct a step with a new one (amend, retract).';
end
$$;

create trigger domain_event_entry_append_only
    before update or delete or truncate on domain_event_entry
    for each statement execute function refuse_event_rewrite();
