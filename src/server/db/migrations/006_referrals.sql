-- School-dropout referrals (issue 7): a school refers a pupil at risk of dropping out; the centre's staff move the
-- referral along its statuses, and the school follows them with a status code.
--
-- Plain columns rather than documents, so staff can query and export by school, urgency, absence or consent, and
-- the rules across answers hold in the database too. A referral saying the child is in immediate danger is never
-- stored (the form sends people to 112 / 1107 instead), so there is no column for it.

-- Reference numbers ΣΔ-<year>-<6 digits> (Σχολική Διαρροή); the sequence ends where six digits end.
CREATE SEQUENCE referral_number MAXVALUE 999999 NO CYCLE;

CREATE TABLE referrals (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  reference text NOT NULL UNIQUE CHECK (reference ~ '^ΣΔ-[0-9]{4}-[0-9]{6}$'),
  -- The latest entry of referral_status_history, kept here for listing and filtering.
  status text NOT NULL DEFAULT 'requested'
    CHECK (status IN ('requested', 'accepted', 'rejected', 'on-hold', 'in-progress', 'completed', 'cancelled')),
  -- SHA-256 (hex) of the status code in its normal form (upper case, four groups of four, e.g. K7QM-2XPD-93RT-4B1C). The code itself is shown
  -- once, in the POST's answer; in clear it exists only in the stored idempotent answer, which replays that answer
  -- to a retry and expires with its key (24 h). No email carries it.
  status_token_hash text NOT NULL CHECK (status_token_hash ~ '^[0-9a-f]{64}$'),

  referrer_name text NOT NULL,
  referrer_role text NOT NULL CHECK (referrer_role IN ('teacher', 'counsellor', 'head', 'other')),
  referrer_school text NOT NULL,
  referrer_email text NOT NULL,
  referrer_phone text NOT NULL,

  -- The pupil, minimised: no address, no national ids.
  pupil_name text NOT NULL,
  pupil_birth_date date,
  pupil_age smallint CHECK (pupil_age BETWEEN 4 AND 20),
  pupil_class text NOT NULL,
  pupil_home_language text,
  pupil_interpreter boolean NOT NULL DEFAULT false,
  -- Special-category data (health, disability): only when the school chose to give it.
  pupil_learning_needs text,

  guardian_name text NOT NULL,
  guardian_phone text,
  guardian_email text,
  guardian_responsibility text NOT NULL CHECK (guardian_responsibility IN ('both-parents', 'mother', 'father', 'guardian', 'other')),

  -- Whether the guardian has been told and agrees; when not, why (the centre decides how to approach the family).
  guardian_agrees boolean NOT NULL,
  consent_reason text,

  -- ABC indicators: attendance, behaviour, course performance.
  absence_percent double precision NOT NULL CHECK (absence_percent BETWEEN 0 AND 100),
  -- The contract's absenceLevel() of absence_percent at submit time (≥ 10 % persistent, ≥ 50 % severe).
  absence_level text NOT NULL CHECK (absence_level IN ('none', 'persistent', 'severe')),
  behaviour_incidents integer NOT NULL CHECK (behaviour_incidents BETWEEN 0 AND 500),
  performance text NOT NULL CHECK (performance IN ('stable', 'declining', 'failing')),
  other_factors text,
  tried text NOT NULL,
  agencies text,

  -- The programmes asked for (our services' ids) and their names as they read when the referral was made: a
  -- programme renamed or closed later leaves what the school asked for unchanged.
  service_ids uuid[] NOT NULL,
  service_names text[] NOT NULL,
  urgency text NOT NULL CHECK (urgency IN ('routine', 'soon', 'urgent')),
  urgency_reason text,

  -- The referrer's language: the messages about this referral are written in it.
  locale text NOT NULL DEFAULT 'el' CHECK (locale IN ('el', 'en', 'ar')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),

  -- The contract's referralIssues(), held by the database as well.
  CHECK (pupil_birth_date IS NOT NULL OR pupil_age IS NOT NULL),
  CHECK (guardian_phone IS NOT NULL OR guardian_email IS NOT NULL),
  CHECK (guardian_agrees OR consent_reason IS NOT NULL),
  CHECK (urgency = 'routine' OR urgency_reason IS NOT NULL),
  CHECK (cardinality(service_ids) BETWEEN 1 AND 10 AND cardinality(service_ids) = cardinality(service_names))
);
CREATE INDEX referrals_created_at ON referrals (created_at);
CREATE INDEX referrals_status ON referrals (status, created_at);

-- Every status a referral has had, the first being 'requested'. The note is written for the school: the referrer
-- reads it in the status check and in the email about the change, so staff keep internal remarks elsewhere.
CREATE TABLE referral_status_history (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  referral_id uuid NOT NULL REFERENCES referrals (id) ON DELETE CASCADE,
  status text NOT NULL
    CHECK (status IN ('requested', 'accepted', 'rejected', 'on-hold', 'in-progress', 'completed', 'cancelled')),
  note text,
  at timestamptz NOT NULL DEFAULT now(),
  -- A rejection always tells the school why.
  CHECK (status <> 'rejected' OR note IS NOT NULL)
);
CREATE INDEX referral_status_history_referral ON referral_status_history (referral_id, id);
