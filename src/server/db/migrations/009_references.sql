-- References numbered per year (issue 15): ΚΚ-2027-000001 is the first intake request of 2027 in the centre's time
-- zone, whatever came before. The sequences they replace ran across years and stopped at 999,999 with a 500; the
-- counters here restart each year and grow past six digits (ΚΚ-2027-1000000) instead of failing.
--
-- One row per prefix and year, bumped in the transaction that stores the record: numbers are given in commit order
-- without gaps from rolled-back attempts being reused (the row lock is held until the transaction ends).
CREATE TABLE reference_counters (
  prefix text NOT NULL,
  year integer NOT NULL,
  last bigint NOT NULL,
  PRIMARY KEY (prefix, year)
);

-- The next reference of `p_prefix` for the year `p_at` falls in, in the time zone `p_zone`.
CREATE FUNCTION kentro_next_reference(p_prefix text, p_zone text, p_at timestamptz DEFAULT now()) RETURNS text
LANGUAGE sql VOLATILE AS $$
  INSERT INTO reference_counters AS r (prefix, year, last)
  VALUES (p_prefix, extract(year FROM p_at AT TIME ZONE p_zone)::integer, 1)
  ON CONFLICT ON CONSTRAINT reference_counters_pkey DO UPDATE SET last = r.last + 1
  RETURNING r.prefix || '-' || r.year || '-' || CASE WHEN r.last < 1000000 THEN lpad(r.last::text, 6, '0') ELSE r.last::text END
$$;

-- Carry on from what is stored: each year's highest number, and for the current year no lower than the old
-- sequence had reached (numbers of records since deleted are not given again).
INSERT INTO reference_counters (prefix, year, last)
SELECT prefix, year, max(n) FROM (
  SELECT 'ΚΚ' AS prefix, split_part(reference, '-', 2)::integer AS year, split_part(reference, '-', 3)::bigint AS n FROM intake_requests
  UNION ALL SELECT 'ΣΔ', split_part(reference, '-', 2)::integer, split_part(reference, '-', 3)::bigint FROM referrals
  UNION ALL SELECT 'ΕΘ', split_part(reference, '-', 2)::integer, split_part(reference, '-', 3)::bigint FROM volunteer_signups
) stored GROUP BY prefix, year;
INSERT INTO reference_counters AS r (prefix, year, last)
SELECT prefix, extract(year FROM now() AT TIME ZONE 'Europe/Athens')::integer, last_value FROM (
  SELECT 'ΚΚ' AS prefix, last_value FROM intake_request_number WHERE is_called
  UNION ALL SELECT 'ΣΔ', last_value FROM referral_number WHERE is_called
  UNION ALL SELECT 'ΕΘ', last_value FROM volunteer_signup_number WHERE is_called
) reached
ON CONFLICT ON CONSTRAINT reference_counters_pkey DO UPDATE SET last = greatest(r.last, excluded.last);

DROP SEQUENCE intake_request_number;
DROP SEQUENCE referral_number;
DROP SEQUENCE volunteer_signup_number;

ALTER TABLE intake_requests DROP CONSTRAINT intake_requests_reference_check,
  ADD CONSTRAINT intake_requests_reference_check CHECK (reference ~ '^ΚΚ-[0-9]{4}-[0-9]{6,}$');
ALTER TABLE referrals DROP CONSTRAINT referrals_reference_check,
  ADD CONSTRAINT referrals_reference_check CHECK (reference ~ '^ΣΔ-[0-9]{4}-[0-9]{6,}$');
ALTER TABLE volunteer_signups DROP CONSTRAINT volunteer_signups_reference_check,
  ADD CONSTRAINT volunteer_signups_reference_check CHECK (reference ~ '^ΕΘ-[0-9]{4}-[0-9]{6,}$');
