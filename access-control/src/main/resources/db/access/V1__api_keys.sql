-- API keys (access-control module, its own migration history: access_schema_history; see AccessSchema). The secret itself is never stored: only its SHA-256.
-- The services read this table on every request (so a revocation counts at once); only the owner role,
-- through `./platform keys`, writes it.
CREATE TABLE api_key (
    key_id              VARCHAR(12)  PRIMARY KEY,
    secret_hash         BYTEA        NOT NULL,
    name                VARCHAR(200) NOT NULL,
    -- space-separated scope names (steps:write loops:read reports:read admin)
    scopes              TEXT         NOT NULL,
    -- space-separated roots of the org-unit subtrees the key covers
    org_units           TEXT         NOT NULL,
    created_at          TIMESTAMPTZ  NOT NULL,
    expires_at          TIMESTAMPTZ,
    revoked_at          TIMESTAMPTZ,
    -- null: the service's default limit
    requests_per_second INTEGER      CHECK (requests_per_second > 0)
);

-- Read-only for the roles that check keys: the command service's and the readers' (query, analytics).
GRANT SELECT ON api_key TO ${service_role};
GRANT SELECT ON api_key TO ${key_reader_role};
