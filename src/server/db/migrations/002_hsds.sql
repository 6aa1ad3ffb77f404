-- The directory as Open Referral HSDS 3.0 needs it: taxonomies and their terms, the attributes that link services
-- to terms, phones, cost options, the service fields HSDS has and 001 lacks, each service's folded search
-- document (its own texts plus the names of its terms) with a trigram index, and the lexicon typos are matched in.
-- Addresses, accessibility, languages and required documents are read from the 001 columns (one per location or
-- service, or arrays), so they are not duplicated here.

-- The regional unit (περιφερειακή ενότητα), HSDS `address.state_province`, e.g. 'Τρίκαλα'.
ALTER TABLE locations ADD COLUMN state_province text;

ALTER TABLE services
  ADD COLUMN minimum_age integer CHECK (minimum_age BETWEEN 0 AND 120),
  ADD COLUMN maximum_age integer CHECK (maximum_age BETWEEN 0 AND 120),
  ADD COLUMN interpretation_services text,
  -- Names of the terms linked to the service, kept by the triggers below; part of the search document.
  ADD COLUMN terms_text text NOT NULL DEFAULT '',
  ADD CONSTRAINT services_age_range CHECK (maximum_age >= minimum_age);

-- Search columns: the folded name (to weigh name hits), the document lower-cased with accents kept (for exact
-- matches, final sigma normalised) and the folded document (for accent-free and fuzzy matches).
ALTER TABLE services
  ADD COLUMN search_name text GENERATED ALWAYS AS (kentro_fold(name || ' ' || coalesce(alternate_name, ''))) STORED,
  ADD COLUMN search_lower text GENERATED ALWAYS AS (replace(lower(
    name || ' ' || coalesce(alternate_name, '') || ' ' || description || ' ' || coalesce(eligibility, '') || ' ' || terms_text
  ), 'ς', 'σ')) STORED,
  ADD COLUMN search_doc text GENERATED ALWAYS AS (kentro_fold(
    name || ' ' || coalesce(alternate_name, '') || ' ' || description || ' ' || coalesce(eligibility, '') || ' ' || terms_text
  )) STORED;
CREATE INDEX services_search_doc_trgm ON services USING gin (search_doc gin_trgm_ops);
CREATE INDEX services_updated_at ON services (updated_at);
CREATE INDEX services_languages ON services USING gin (languages);

CREATE TABLE taxonomies (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  description text NOT NULL,
  uri text,
  version text,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- A child term belongs to its parent's taxonomy (the composite foreign key).
CREATE TABLE taxonomy_terms (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  taxonomy_id uuid NOT NULL REFERENCES taxonomies (id) ON DELETE CASCADE,
  parent_id uuid,
  code text,
  name text NOT NULL,
  description text NOT NULL,
  language text NOT NULL DEFAULT 'el',
  term_uri text,
  -- Display order inside the taxonomy (parents before their children).
  position integer NOT NULL DEFAULT 0,
  search_doc text GENERATED ALWAYS AS (kentro_fold(name || ' ' || description)) STORED,
  UNIQUE (taxonomy_id, id),
  UNIQUE (taxonomy_id, code),
  FOREIGN KEY (taxonomy_id, parent_id) REFERENCES taxonomy_terms (taxonomy_id, id) ON DELETE CASCADE,
  CHECK (parent_id <> id)
);
CREATE INDEX taxonomy_terms_parent ON taxonomy_terms (parent_id);
CREATE INDEX taxonomy_terms_search_trgm ON taxonomy_terms USING gin (search_doc gin_trgm_ops);

-- HSDS `attribute` with link_entity 'service'. link_type says what the term describes ('need', 'audience').
CREATE TABLE service_attributes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  service_id uuid NOT NULL REFERENCES services (id) ON DELETE CASCADE,
  taxonomy_term_id uuid NOT NULL REFERENCES taxonomy_terms (id) ON DELETE CASCADE,
  link_type text,
  value text,
  UNIQUE (service_id, taxonomy_term_id)
);
CREATE INDEX service_attributes_term ON service_attributes (taxonomy_term_id);

-- Exactly one owner per phone. `languages` are ISO 639 codes of the people who answer it.
CREATE TABLE phones (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid REFERENCES organizations (id) ON DELETE CASCADE,
  location_id uuid REFERENCES locations (id) ON DELETE CASCADE,
  service_id uuid REFERENCES services (id) ON DELETE CASCADE,
  service_at_location_id uuid REFERENCES service_at_locations (id) ON DELETE CASCADE,
  number text NOT NULL,
  extension integer CHECK (extension >= 0),
  type text NOT NULL DEFAULT 'voice' CHECK (type IN ('voice', 'cell', 'text', 'fax', 'video', 'pager', 'textphone')),
  description text,
  languages text[] NOT NULL DEFAULT '{}',
  position integer NOT NULL DEFAULT 0,
  CHECK (num_nonnulls(organization_id, location_id, service_id, service_at_location_id) = 1)
);
CREATE INDEX phones_organization ON phones (organization_id);
CREATE INDEX phones_location ON phones (location_id);
CREATE INDEX phones_service ON phones (service_id);
CREATE INDEX phones_service_at_location ON phones (service_at_location_id);

CREATE TABLE cost_options (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  service_id uuid NOT NULL REFERENCES services (id) ON DELETE CASCADE,
  option text NOT NULL,
  amount numeric(10, 2) CHECK (amount >= 0),
  currency char(3) NOT NULL DEFAULT 'EUR',
  amount_description text,
  valid_from date,
  valid_to date,
  CHECK (valid_to >= valid_from)
);
CREATE INDEX cost_options_service ON cost_options (service_id);

-- last_modified: an update of a service sets updated_at unless the statement sets it itself.
CREATE FUNCTION kentro_services_touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.updated_at IS NOT DISTINCT FROM OLD.updated_at THEN
    NEW.updated_at := now();
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER services_touch BEFORE UPDATE ON services FOR EACH ROW EXECUTE FUNCTION kentro_services_touch();

-- Rebuilds a service's terms_text (which also touches updated_at through the trigger above).
CREATE FUNCTION kentro_refresh_service_terms(sid uuid) RETURNS void LANGUAGE sql AS $$
  UPDATE services s
     SET terms_text = coalesce((
       SELECT string_agg(t.name, ' ' ORDER BY t.position, t.name)
         FROM service_attributes a JOIN taxonomy_terms t ON t.id = a.taxonomy_term_id
        WHERE a.service_id = s.id), '')
   WHERE s.id = sid
$$;

CREATE FUNCTION kentro_service_attributes_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM kentro_refresh_service_terms(OLD.service_id); END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM kentro_refresh_service_terms(NEW.service_id); END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER service_attributes_changed AFTER INSERT OR UPDATE OR DELETE ON service_attributes
  FOR EACH ROW EXECUTE FUNCTION kentro_service_attributes_changed();

CREATE FUNCTION kentro_taxonomy_term_renamed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM kentro_refresh_service_terms(a.service_id) FROM service_attributes a WHERE a.taxonomy_term_id = NEW.id;
  RETURN NULL;
END $$;
CREATE TRIGGER taxonomy_term_renamed AFTER UPDATE OF name ON taxonomy_terms
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION kentro_taxonomy_term_renamed();

-- A change to a row that belongs to a service (its phones, cost options, hours, places) touches the service.
CREATE FUNCTION kentro_touch_owning_service() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_id uuid := CASE WHEN TG_OP <> 'INSERT' THEN (to_jsonb(OLD) ->> 'service_id')::uuid END;
  new_id uuid := CASE WHEN TG_OP <> 'DELETE' THEN (to_jsonb(NEW) ->> 'service_id')::uuid END;
BEGIN
  UPDATE services SET updated_at = now() WHERE id IN (old_id, new_id);
  RETURN NULL;
END $$;
CREATE TRIGGER phones_touch_service AFTER INSERT OR UPDATE OR DELETE ON phones
  FOR EACH ROW EXECUTE FUNCTION kentro_touch_owning_service();
CREATE TRIGGER cost_options_touch_service AFTER INSERT OR UPDATE OR DELETE ON cost_options
  FOR EACH ROW EXECUTE FUNCTION kentro_touch_owning_service();
CREATE TRIGGER schedules_touch_service AFTER INSERT OR UPDATE OR DELETE ON schedules
  FOR EACH ROW EXECUTE FUNCTION kentro_touch_owning_service();
CREATE TRIGGER service_at_locations_touch_service AFTER INSERT OR UPDATE OR DELETE ON service_at_locations
  FOR EACH ROW EXECUTE FUNCTION kentro_touch_owning_service();

-- The search lexicon: every word (3+ letters) of the folded search documents of services and taxonomy terms.
-- A mistyped query word is matched to the lexicon words it resembles (pg_trgm, trigram-indexed), and documents are
-- searched for those: cheap, because the lexicon holds short distinct words, not whole documents. Words stay when
-- the text that brought them changes; a stale word only ever matches nothing.
CREATE TABLE search_words (word text PRIMARY KEY);
CREATE INDEX search_words_trgm ON search_words USING gin (word gin_trgm_ops);

CREATE FUNCTION kentro_learn_words() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_words (word)
    SELECT DISTINCT w FROM regexp_split_to_table(NEW.search_doc, '[^[:alnum:]]+') AS w WHERE length(w) >= 3
    ON CONFLICT (word) DO NOTHING;
  RETURN NULL;
END $$;
CREATE TRIGGER services_learn_words AFTER INSERT ON services
  FOR EACH ROW EXECUTE FUNCTION kentro_learn_words();
CREATE TRIGGER services_relearn_words AFTER UPDATE ON services
  FOR EACH ROW WHEN (OLD.search_doc IS DISTINCT FROM NEW.search_doc) EXECUTE FUNCTION kentro_learn_words();
CREATE TRIGGER taxonomy_terms_learn_words AFTER INSERT ON taxonomy_terms
  FOR EACH ROW EXECUTE FUNCTION kentro_learn_words();
CREATE TRIGGER taxonomy_terms_relearn_words AFTER UPDATE ON taxonomy_terms
  FOR EACH ROW WHEN (OLD.search_doc IS DISTINCT FROM NEW.search_doc) EXECUTE FUNCTION kentro_learn_words();

INSERT INTO search_words (word)
  SELECT DISTINCT w FROM services, regexp_split_to_table(search_doc, '[^[:alnum:]]+') AS w WHERE length(w) >= 3
  ON CONFLICT (word) DO NOTHING;
