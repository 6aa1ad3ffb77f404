-- The events calendar (issue 4): the contract's categories, registration as structured data, languages, online
-- events, one-off events that were moved, and the exceptions of recurring series: EXDATEs (occurrences that do
-- not happen at all) and per-occurrence overrides (cancelled, postponed, moved online, moved to another time or
-- place, retitled). A series is `events.rrule` expanded in the centre's time zone from `starts_at`; an occurrence
-- is named by its original local start (its RFC 5545 RECURRENCE-ID), kept as a `timestamp` without time zone.

-- Categories are EVENT_CATEGORIES of src/contract/events.ts; values written before this file are mapped.
UPDATE events SET category = 'information-day' WHERE category = 'information';
UPDATE events SET category = 'other'
  WHERE category NOT IN ('seminar', 'children', 'information-day', 'mobile-unit', 'volunteering', 'community', 'other');

-- The free-text `registration` of 001 becomes the note of the structured registration.
ALTER TABLE events RENAME COLUMN registration TO registration_note;

ALTER TABLE events
  ADD CONSTRAINT events_category
    CHECK (category IN ('seminar', 'children', 'information-day', 'mobile-unit', 'volunteering', 'community', 'other')),
  -- none: just come; open: sign up (places left if counted); full: no places left; link: sign up at `registration_url`.
  ADD COLUMN registration_kind text NOT NULL DEFAULT 'none' CHECK (registration_kind IN ('none', 'open', 'full', 'link')),
  ADD COLUMN registration_capacity integer CHECK (registration_capacity >= 0),
  ADD COLUMN registration_places_left integer CHECK (registration_places_left >= 0),
  ADD COLUMN registration_url text CHECK (registration_url ~ '^https?://[^\s]+$'),
  ADD CONSTRAINT events_places_within_capacity CHECK (registration_places_left <= registration_capacity),
  ADD CONSTRAINT events_link_has_url CHECK (registration_kind <> 'link' OR registration_url IS NOT NULL),
  ADD CONSTRAINT events_full_has_no_places CHECK (registration_kind <> 'full' OR coalesce(registration_places_left, 0) = 0),
  ADD CONSTRAINT events_open_has_places CHECK (registration_kind <> 'open' OR coalesce(registration_places_left, 1) > 0),
  -- ISO 639 codes of the languages spoken (with interpretation), as services.languages.
  ADD COLUMN languages text[] NOT NULL DEFAULT '{el}',
  -- Held online from the start (an event whose status is 'moved-online' is online too).
  ADD COLUMN online boolean NOT NULL DEFAULT false,
  -- A one-off event that was moved: when it was first planned (the contract's `originalStart`).
  ADD COLUMN original_starts_at timestamptz,
  -- RFC 5545 SEQUENCE: raised on every change people should notice (time, place, status).
  ADD COLUMN sequence integer NOT NULL DEFAULT 0 CHECK (sequence >= 0),
  -- At most one occurrence a day: a finer rule (FREQ=HOURLY, BYHOUR…) is no community-centre event and would
  -- expand into thousands of occurrences.
  ADD CONSTRAINT events_rrule_frequency CHECK (rrule IS NULL OR (rrule ~ '(^|;)FREQ=(DAILY|WEEKLY|MONTHLY|YEARLY)(;|$)'
    AND rrule !~ '(^|;)BY(HOUR|MINUTE|SECOND)=')),
  ADD CONSTRAINT events_moved_one_off CHECK (original_starts_at IS NULL OR rrule IS NULL);

CREATE INDEX events_category ON events (category);
CREATE INDEX events_recurring ON events (starts_at) WHERE rrule IS NOT NULL;

-- Occurrences of a series that do not happen at all (RFC 5545 EXDATE). A cancelled occurrence that people should
-- still see as cancelled is an override with status 'cancelled' instead.
CREATE TABLE event_exdates (
  event_id uuid NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  -- The excluded occurrence's local start in the centre's time zone.
  recurrence_id timestamp NOT NULL,
  PRIMARY KEY (event_id, recurrence_id)
);

-- One occurrence of a series changed (RFC 5545 RECURRENCE-ID). NULL fields keep the series' value.
CREATE TABLE event_overrides (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  event_id uuid NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  -- The occurrence's original local start in the centre's time zone (what the occurrence id is made of).
  recurrence_id timestamp NOT NULL,
  status text CHECK (status IN ('scheduled', 'cancelled', 'postponed', 'moved-online')),
  status_note text,
  -- Moved: the new start and end (the original start stays in `recurrence_id`, the contract's `originalStart`).
  starts_at timestamptz,
  ends_at timestamptz,
  title text,
  description text,
  location_id uuid REFERENCES locations (id) ON DELETE SET NULL,
  sequence integer NOT NULL DEFAULT 0 CHECK (sequence >= 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (event_id, recurrence_id),
  CHECK ((starts_at IS NULL) = (ends_at IS NULL)),
  CHECK (ends_at > starts_at)
);
CREATE INDEX event_overrides_moved ON event_overrides (starts_at) WHERE starts_at IS NOT NULL;
CREATE INDEX event_overrides_location ON event_overrides (location_id) WHERE location_id IS NOT NULL;
