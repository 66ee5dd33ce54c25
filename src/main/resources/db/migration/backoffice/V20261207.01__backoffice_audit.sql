-- Back office: the audit trail of staff actions. Rows are only ever inserted; nothing updates or deletes them.

CREATE SCHEMA IF NOT EXISTS backoffice;

CREATE TABLE backoffice.audit_entry (
    id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at       timestamptz NOT NULL DEFAULT now(),
    -- The staff member's account id and e-mail at the time: the e-mail keeps the entry readable if the account
    -- is later changed or removed.
    actor_id varchar(64) NOT NULL,
    actor    varchar(320) NOT NULL,
    action   varchar(64) NOT NULL CHECK (action ~ '^[a-z]+(\.[a-z-]+)+$'),
    subject  varchar(200) NOT NULL,
    detail   varchar(1000) NOT NULL DEFAULT ''
);
CREATE INDEX audit_entry_at_idx ON backoffice.audit_entry (at DESC, id DESC);
CREATE INDEX audit_entry_subject_idx ON backoffice.audit_entry (subject, at DESC);
