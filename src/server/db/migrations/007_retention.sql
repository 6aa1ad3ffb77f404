-- Retention (issue 9): closed intake requests, referrals in a final status and volunteer signups whose shifts are
-- long over are deleted by a job (src/server/retention.ts) after KENTRO_RETENTION_DAYS / KENTRO_SIGNUP_RETENTION_DAYS.
-- Tokens, bookings, status history and webhook deliveries go with them by ON DELETE CASCADE; the outbox names the
-- record each message is about, so its messages go too (a message waiting for an unreachable mail server would
-- otherwise keep the person's address, and the link in its body, for ever).

-- The reference (ΕΘ-…, ΣΔ-…) of the record a message is about; NULL for messages written before this migration.
ALTER TABLE mail_outbox ADD COLUMN about text;
CREATE INDEX mail_outbox_about ON mail_outbox (about) WHERE about IS NOT NULL;

-- The job looks for closed requests by when they were closed.
CREATE INDEX intake_requests_closed ON intake_requests (closed_at) WHERE status = 'closed';
