-- Foundation: Greek search folding, settings, idempotency keys and the plain domain tables the seed fills.
-- Runs unchanged on PGlite (PostgreSQL 18) and PostgreSQL 15+. Later issues extend these tables in new files.

CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Accent-, case- and final-sigma-insensitive form of a text: kentro_fold('ΓΟΝΕΊΣ παιδιά') = 'γονεισ παιδια'.
-- unaccent() is only STABLE (its dictionary could change); naming the dictionary makes this safe to declare
-- IMMUTABLE, which generated columns and indexes require.
CREATE OR REPLACE FUNCTION kentro_fold(t text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT replace(lower(public.unaccent('public.unaccent'::regdictionary, t)), 'ς', 'σ') $$;

CREATE TABLE kentro_settings (
  key text PRIMARY KEY,
  value text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- One row per (Idempotency-Key, method + route). See src/server/http/idempotency.ts for the protocol.
CREATE TABLE idempotency_keys (
  key uuid NOT NULL,
  scope text NOT NULL,
  request_hash text NOT NULL,
  state text NOT NULL CHECK (state IN ('running', 'done')),
  lease uuid NOT NULL,
  started_at timestamptz NOT NULL DEFAULT now(),
  response_status integer,
  response_headers jsonb,
  response_body text,
  created_at timestamptz NOT NULL DEFAULT now(),
  completed_at timestamptz,
  PRIMARY KEY (key, scope),
  CHECK (state = 'running' OR response_status IS NOT NULL)
);
CREATE INDEX idempotency_keys_created_at ON idempotency_keys (created_at);

CREATE TABLE organizations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  alternate_name text,
  description text NOT NULL,
  email text,
  website text,
  phone text,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE locations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('centre', 'branch', 'mobile-stop')),
  name text NOT NULL,
  alternate_name text,
  description text,
  address_1 text NOT NULL,
  city text NOT NULL,
  region text NOT NULL,
  postal_code text,
  country char(2) NOT NULL DEFAULT 'GR',
  latitude numeric(9, 6) CHECK (latitude BETWEEN -90 AND 90),
  longitude numeric(9, 6) CHECK (longitude BETWEEN -180 AND 180),
  phone text,
  email text,
  accessibility text,
  transport text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX locations_organization ON locations (organization_id);

-- Programmes and services of the centre (HSDS "service").
CREATE TABLE services (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  name text NOT NULL,
  alternate_name text,
  description text NOT NULL,
  eligibility text,
  application_process text,
  required_documents text[] NOT NULL DEFAULT '{}',
  fees_description text,
  free boolean NOT NULL DEFAULT true,
  languages text[] NOT NULL DEFAULT '{el}',
  audiences text[] NOT NULL DEFAULT '{}',
  categories text[] NOT NULL DEFAULT '{}',
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive', 'defunct', 'temporarily closed')),
  email text,
  phone text,
  url text,
  search_folded text GENERATED ALWAYS AS (
    kentro_fold(name || ' ' || coalesce(alternate_name, '') || ' ' || description || ' ' || coalesce(eligibility, ''))
  ) STORED,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX services_organization ON services (organization_id);
CREATE INDEX services_search_trgm ON services USING gin (search_folded gin_trgm_ops);

CREATE TABLE service_at_locations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  service_id uuid NOT NULL REFERENCES services (id) ON DELETE CASCADE,
  location_id uuid NOT NULL REFERENCES locations (id) ON DELETE CASCADE,
  description text,
  UNIQUE (service_id, location_id)
);
CREATE INDEX service_at_locations_location ON service_at_locations (location_id);

-- Opening hours and visiting days in the RRULE vocabulary: WEEKLY on MO,TU… or MONTHLY on the Nth weekday
-- (byday 'TU', bysetpos 1 = the first Tuesday of the month). Times are wall-clock times of the centre's zone.
CREATE TABLE schedules (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  service_id uuid REFERENCES services (id) ON DELETE CASCADE,
  location_id uuid REFERENCES locations (id) ON DELETE CASCADE,
  service_at_location_id uuid REFERENCES service_at_locations (id) ON DELETE CASCADE,
  freq text NOT NULL CHECK (freq IN ('WEEKLY', 'MONTHLY')),
  byday text NOT NULL CHECK (byday ~ '^(MO|TU|WE|TH|FR|SA|SU)(,(MO|TU|WE|TH|FR|SA|SU))*$'),
  bysetpos integer CHECK (bysetpos BETWEEN -5 AND 5 AND bysetpos <> 0),
  opens_at time NOT NULL,
  closes_at time NOT NULL,
  valid_from date,
  valid_to date,
  description text,
  CHECK (closes_at > opens_at),
  CHECK (freq = 'MONTHLY' OR bysetpos IS NULL),
  CHECK (num_nonnulls(service_id, location_id, service_at_location_id) >= 1)
);
CREATE INDEX schedules_service ON schedules (service_id);
CREATE INDEX schedules_location ON schedules (location_id);
CREATE INDEX schedules_service_at_location ON schedules (service_at_location_id);

-- An event, or a recurring series of them (rrule as in RFC 5545, expanded in the centre's time zone).
CREATE TABLE events (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  title text NOT NULL,
  description text NOT NULL,
  category text NOT NULL,
  location_id uuid REFERENCES locations (id) ON DELETE SET NULL,
  service_id uuid REFERENCES services (id) ON DELETE SET NULL,
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  rrule text,
  status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'cancelled', 'postponed', 'moved-online')),
  status_note text,
  accessibility text,
  registration text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_at > starts_at)
);
CREATE INDEX events_starts_at ON events (starts_at);
CREATE INDEX events_location ON events (location_id);

CREATE TABLE volunteer_opportunities (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  location_id uuid REFERENCES locations (id) ON DELETE SET NULL,
  role text NOT NULL,
  description text NOT NULL,
  skills text[] NOT NULL DEFAULT '{}',
  requirements text,
  min_age integer NOT NULL DEFAULT 18 CHECK (min_age BETWEEN 0 AND 120),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE volunteer_shifts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  opportunity_id uuid NOT NULL REFERENCES volunteer_opportunities (id) ON DELETE CASCADE,
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  capacity integer NOT NULL CHECK (capacity > 0),
  filled integer NOT NULL DEFAULT 0 CHECK (filled >= 0),
  CHECK (filled <= capacity),
  CHECK (ends_at > starts_at)
);
CREATE INDEX volunteer_shifts_opportunity ON volunteer_shifts (opportunity_id, starts_at);
