/**
 * DDL of the audit trail (PostgreSQL 14+). Idempotent. Append-only: triggers refuse UPDATE,
 * DELETE and TRUNCATE, whoever the role (retention, if ever, is a separate, deliberate job that
 * drops partitions or disables the trigger explicitly).
 */
export const AUDIT_TABLE_SQL = `
CREATE TABLE IF NOT EXISTS audit_log (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at              timestamptz NOT NULL,
  actor_subject   text,
  actor_roles     text[] NOT NULL DEFAULT '{}',
  actor_agency_id text,
  action          text NOT NULL,
  resource        text NOT NULL,
  status          smallint NOT NULL CHECK (status BETWEEN 100 AND 599),
  result          text NOT NULL CHECK (result IN ('success', 'rejected', 'error')),
  request_id      text
);
CREATE INDEX IF NOT EXISTS audit_log_at_idx ON audit_log (at);
CREATE INDEX IF NOT EXISTS audit_log_actor_idx ON audit_log (actor_subject, at);
CREATE OR REPLACE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP;
END
$$;
CREATE OR REPLACE TRIGGER audit_log_append_only
  BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE OR REPLACE TRIGGER audit_log_no_truncate
  BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
`;
