-- Messaging: the transactional outbox and its dead letters.

CREATE SCHEMA IF NOT EXISTS messaging;

-- A row is a message waiting to be handled; it is deleted once handled. Workers on every instance claim
-- due rows with FOR UPDATE SKIP LOCKED, so no two handle the same message at the same time.
CREATE TABLE messaging.outbox (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    topic        varchar(64) NOT NULL,
    payload      jsonb NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    available_at timestamptz NOT NULL DEFAULT now(),
    attempts     integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    last_error   text
);
CREATE INDEX outbox_due_idx ON messaging.outbox (available_at, id);

-- Messages that failed every attempt, kept for a person to inspect and re-queue.
CREATE TABLE messaging.dead_letter (
    id          bigint PRIMARY KEY,
    topic       varchar(64) NOT NULL,
    payload     jsonb NOT NULL,
    created_at  timestamptz NOT NULL,
    attempts    integer NOT NULL,
    last_error  text NOT NULL,
    dead_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX dead_letter_topic_idx ON messaging.dead_letter (topic, dead_at);
