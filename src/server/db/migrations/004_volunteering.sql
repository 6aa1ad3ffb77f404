-- The Volunteer Network (issue 5): signups, the shifts each one books (holding a place or waiting for one), and an
-- outbox of email written in the same transaction as the change that causes each message.
--
-- Places: `volunteer_shifts.filled` counts every held place: those the centre filled directly (the seed's values)
-- plus bookings with status 'confirmed'. It only moves inside the statement that books or frees a place
-- (src/server/volunteering/places.ts), so `filled <= capacity` (a CHECK of 001) can never be broken by a race.

-- Reference numbers ΕΘ-<year>-<6 digits>; the sequence ends where six digits end instead of writing seven.
CREATE SEQUENCE volunteer_signup_number MAXVALUE 999999 NO CYCLE;

-- Order of arrival on waitlists: one sequence for all shifts is enough, only the order within a shift matters.
CREATE SEQUENCE volunteer_waitlist_order;

CREATE TABLE volunteer_signups (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  reference text NOT NULL UNIQUE CHECK (reference ~ '^ΕΘ-[0-9]{4}-[0-9]{6}$'),
  opportunity_id uuid NOT NULL REFERENCES volunteer_opportunities (id) ON DELETE CASCADE,
  name text NOT NULL,
  email text NOT NULL,
  -- The person, for "one booking per shift" and overlap checks: addresses differ only in case are one person.
  email_fold text GENERATED ALWAYS AS (lower(email)) STORED,
  phone text,
  -- No 'under-15': they cannot sign up themselves (the contract's signupIssues()).
  age_band text NOT NULL CHECK (age_band IN ('15-17', '18-20', '21-64', '65-plus')),
  guardian_name text,
  guardian_email text,
  guardian_phone text,
  guardian_relationship text,
  guardian_status text NOT NULL CHECK (guardian_status IN ('not-needed', 'pending', 'confirmed', 'declined')),
  guardian_decided_at timestamptz,
  -- Set when nobody answered the guardian's request in time and the held places were given up (the guardian's
  -- link stops working then).
  hold_released_at timestamptz,
  skills text[] NOT NULL DEFAULT '{}',
  availability text,
  accessibility text,
  locale text NOT NULL DEFAULT 'el' CHECK (locale IN ('el', 'en', 'ar')),
  -- The page the signup was made on (an allowed origin, no fragment): links in our messages lead back to it.
  page_url text CHECK (page_url ~ '^https?://[^\s#]+$'),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((age_band = '15-17') = (guardian_status <> 'not-needed')),
  CHECK (guardian_status = 'not-needed' OR (guardian_name IS NOT NULL AND guardian_email IS NOT NULL)),
  CHECK (guardian_status IN ('not-needed', 'pending') OR guardian_decided_at IS NOT NULL)
);
CREATE INDEX volunteer_signups_opportunity ON volunteer_signups (opportunity_id, created_at);
CREATE INDEX volunteer_signups_guardian_pending ON volunteer_signups (created_at)
  WHERE guardian_status = 'pending' AND hold_released_at IS NULL;

-- Tokens of the links we send: the volunteer's own page ('manage') and the guardian's request ('guardian'). Only
-- their SHA-256 (hex) is stored; a token is shown once (in the POST answer or in one message). In clear it exists
-- only in the message carrying it while that waits in the outbox (its body is emptied once delivered) and in the
-- stored idempotent answer, which replays the POST's response to a retry and expires with it (24 h).
-- Each message that carries a link gets a token of its own, so a signup has several that all open it.
CREATE TABLE volunteer_signup_tokens (
  token_hash text PRIMARY KEY CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  signup_id uuid NOT NULL REFERENCES volunteer_signups (id) ON DELETE CASCADE,
  purpose text NOT NULL CHECK (purpose IN ('manage', 'guardian')),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX volunteer_signup_tokens_signup ON volunteer_signup_tokens (signup_id, purpose);

CREATE TABLE volunteer_bookings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  signup_id uuid NOT NULL REFERENCES volunteer_signups (id) ON DELETE CASCADE,
  shift_id uuid NOT NULL REFERENCES volunteer_shifts (id) ON DELETE CASCADE,
  -- The signup's email_fold, copied so the unique index below can name the person.
  email_fold text NOT NULL,
  status text NOT NULL CHECK (status IN ('confirmed', 'waitlisted', 'cancelled')),
  -- Place in the shift's waitlist: the lowest waitlisted number is promoted first.
  waitlist_order bigint,
  -- When it last took a place (at signup or on promotion).
  confirmed_at timestamptz,
  cancelled_at timestamptz,
  reminder_sent_at timestamptz,
  -- RFC 5545 SEQUENCE of the booking's calendar entry: raised on every change of status.
  sequence integer NOT NULL DEFAULT 0 CHECK (sequence >= 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (signup_id, shift_id),
  CHECK (status <> 'waitlisted' OR waitlist_order IS NOT NULL),
  CHECK (status <> 'confirmed' OR confirmed_at IS NOT NULL),
  CHECK (status <> 'cancelled' OR cancelled_at IS NOT NULL)
);
-- One active booking per person and shift: a double click or a second signup can never book twice.
CREATE UNIQUE INDEX volunteer_bookings_person_once ON volunteer_bookings (shift_id, email_fold) WHERE status <> 'cancelled';
CREATE INDEX volunteer_bookings_waitlist ON volunteer_bookings (shift_id, waitlist_order) WHERE status = 'waitlisted';
CREATE INDEX volunteer_bookings_person ON volunteer_bookings (email_fold) WHERE status <> 'cancelled';
CREATE INDEX volunteer_bookings_signup ON volunteer_bookings (signup_id);
CREATE INDEX volunteer_bookings_unreminded ON volunteer_bookings (shift_id) WHERE status = 'confirmed' AND reminder_sent_at IS NULL;

CREATE INDEX volunteer_shifts_starts_at ON volunteer_shifts (starts_at);

-- Email waiting to be sent (src/server/mail/). A row is written in the transaction of the change it reports, so a
-- message exists exactly when its change committed; delivery claims rows with a lease and retries with backoff.
-- Once delivered, the body and attachment are emptied (they hold personal links); the row itself goes after 30 days.
CREATE TABLE mail_outbox (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- What the message is (e.g. 'volunteer.confirmation'), for staff and tests; never personal data.
  kind text NOT NULL,
  to_address text NOT NULL,
  subject text NOT NULL,
  text_body text NOT NULL,
  html_body text,
  -- An iCalendar attachment, written as `ics_filename`.
  ics text,
  ics_filename text,
  attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  -- A sender holds the row until then; after it (a sender that died), another may take it.
  claimed_until timestamptz,
  sent_at timestamptz,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((ics IS NULL) = (ics_filename IS NULL))
);
CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at) WHERE sent_at IS NULL;
CREATE INDEX mail_outbox_to ON mail_outbox (to_address, id);
