-- Rate limits, lockouts and guess counters shared by every server on the database (issue 15): counted here, not
-- in process memory, so N servers behind a load balancer allow what one would, and a restart clears nothing.
-- `subject` is an HMAC of the client address (or whatever is counted), never the address itself. A window opens
-- at a subject's first hit; the jobs delete windows that ended (src/server/http/limiter.ts).
CREATE TABLE rate_counters (
  bucket text NOT NULL,
  subject text NOT NULL,
  window_end timestamptz NOT NULL,
  hits integer NOT NULL,
  PRIMARY KEY (bucket, subject)
);
CREATE INDEX rate_counters_ended ON rate_counters (window_end);
