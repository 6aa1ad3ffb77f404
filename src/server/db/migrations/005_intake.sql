-- The intake form (issue 6): requests for help, and their forwarding to the council's case system by webhook.

-- Reference numbers ΚΚ-<year>-<6 digits>; the sequence ends where six digits end instead of writing seven.
CREATE SEQUENCE intake_request_number MAXVALUE 999999 NO CYCLE;

CREATE TABLE intake_requests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  reference text NOT NULL UNIQUE CHECK (reference ~ '^ΚΚ-[0-9]{4}-[0-9]{6}$'),
  status text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'in-progress', 'closed')),
  closed_at timestamptz,
  -- The needs chosen (taxonomy term ids) and their names as they read when the request was made: a term renamed
  -- or removed later leaves what the person asked for unchanged.
  need_ids uuid[] NOT NULL DEFAULT '{}',
  need_names text[] NOT NULL DEFAULT '{}',
  description text,
  -- The directory programme they came from. Text, not a foreign key: the directory widget may read another
  -- council's HSDS feed, whose ids are not ours; the name is copied when the service is one of ours.
  service_id text,
  service_name text,
  anonymous boolean NOT NULL,
  name text,
  age_band text NOT NULL CHECK (age_band IN ('under-18', '18-29', '30-44', '45-64', '65-plus', 'prefer-not')),
  area text,
  methods text[] NOT NULL CHECK (cardinality(methods) BETWEEN 1 AND 4 AND methods <@ ARRAY['phone', 'sms', 'email', 'visit']),
  phone text,
  email text,
  days text[] NOT NULL DEFAULT '{}',
  times text[] NOT NULL DEFAULT '{}',
  -- ISO 639 code, or 'other' with other_language.
  language text NOT NULL,
  other_language text,
  interpreter boolean NOT NULL DEFAULT false,
  accessibility text,
  -- Optional facts (Roma, migrant, disability, ΚΕΑ beneficiary), each 'yes' | 'no' | 'prefer-not'. Stored only when
  -- the person consented to give them; NULL otherwise.
  facts jsonb CHECK (facts IS NULL OR jsonb_typeof(facts) = 'object'),
  locale text NOT NULL DEFAULT 'el' CHECK (locale IN ('el', 'en', 'ar')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (cardinality(need_ids) = cardinality(need_names)),
  CHECK (cardinality(need_ids) > 0 OR description IS NOT NULL),
  -- A name exactly when they gave one; "I prefer not to give my name" keeps none even if the form sent one.
  CHECK (anonymous = (name IS NULL)),
  CHECK ((status = 'closed') = (closed_at IS NOT NULL)),
  CHECK ((language = 'other') = (other_language IS NOT NULL))
);
CREATE INDEX intake_requests_created_at ON intake_requests (created_at);
CREATE INDEX intake_requests_status ON intake_requests (status, created_at);

-- Forwarding of a request to KENTRO_INTAKE_WEBHOOK_URL: a row is written in the request's own transaction when a
-- webhook is configured, so every stored request is forwarded; src/server/intake/forward.ts claims due rows with a
-- lease (FOR UPDATE SKIP LOCKED) and retries with growing waits until the case system accepts it (any 2xx).
CREATE TABLE intake_webhook_deliveries (
  request_id uuid PRIMARY KEY REFERENCES intake_requests (id) ON DELETE CASCADE,
  attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  -- A sender holds the row until then; after it (a sender that died), another may take it.
  claimed_until timestamptz,
  delivered_at timestamptz,
  -- The HTTP status of the last attempt (NULL when it got no answer), and what went wrong (never a response body).
  last_status integer,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX intake_webhook_deliveries_due ON intake_webhook_deliveries (next_attempt_at) WHERE delivered_at IS NULL;
