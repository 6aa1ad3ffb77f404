/**
 * What the HSDS directory adds to the demo centre (migration 002): the two taxonomies and each programme's links
 * to them, phones, the free cost option, age limits, interpretation and the regional unit of every address.
 * Guarded by its own marker, so a database seeded before 002 existed gets these details on its next start too.
 */
import type { Queryable } from '../db/types.ts';
import { seedId } from './ids.ts';
import { LOCATIONS, ORGANIZATION } from './organization.ts';
import { PROGRAMMES, SWITCHBOARD } from './programmes.ts';
import { AUDIENCE_GROUPS, NEEDS, TARGET_GROUPS, TAXONOMIES } from './taxonomies.ts';
import type { LocationKind, SeedPhone, SeedTaxonomy, SeedTerm } from './types.ts';

export const DIRECTORY_SEED_MARKER = 'seed_directory_version';
export const DIRECTORY_SEED_VERSION = '1';

const LOCATION_PHONES: Readonly<Record<LocationKind, Omit<SeedPhone, 'number'>>> = {
  centre: { description: 'Γραμματεία του Κέντρου, Δευτέρα έως Παρασκευή 08:00–15:00', languages: ['el', 'en'] },
  branch: { description: 'Παράρτημα Ρομά, Δευτέρα, Τρίτη και Πέμπτη 09:00–14:00', languages: ['el', 'rom'] },
  'mobile-stop': { description: 'Κινητή μονάδα: πρόγραμμα επισκέψεων και επισκέψεις στο σπίτι', languages: ['el'] },
};

interface PhoneOwner { organization?: string; location?: string; service?: string }

async function insertPhones(tx: Queryable, ownerKey: string, owner: PhoneOwner, phones: readonly SeedPhone[]) {
  for (const [i, p] of phones.entries()) {
    await tx.query(
      `INSERT INTO phones (id, organization_id, location_id, service_id, number, type, description, languages, position)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [seedId(`${ownerKey}#phone${i}`), owner.organization ?? null, owner.location ?? null, owner.service ?? null,
        p.number, p.type ?? 'voice', p.description, [...p.languages], i],
    );
  }
}

async function insertTaxonomy(tx: Queryable, taxonomy: SeedTaxonomy) {
  const taxonomyId = seedId(taxonomy.key);
  await tx.query('INSERT INTO taxonomies (id, name, description, version) VALUES ($1, $2, $3, $4)',
    [taxonomyId, taxonomy.name, taxonomy.description, taxonomy.version]);
  let position = 0;
  const insertTerm = async (term: SeedTerm, parent: string | null): Promise<void> => {
    await tx.query(
      `INSERT INTO taxonomy_terms (id, taxonomy_id, parent_id, code, name, description, position) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [seedId(term.key), taxonomyId, parent, term.code, term.name, term.description, position++],
    );
    for (const child of term.children ?? []) await insertTerm(child, seedId(term.key));
  };
  for (const term of taxonomy.terms) await insertTerm(term, null);
}

async function linkTerms(tx: Queryable, programmeKey: string, termKeys: readonly string[], linkType: string) {
  for (const termKey of termKeys) {
    await tx.query('INSERT INTO service_attributes (id, service_id, taxonomy_term_id, link_type) VALUES ($1, $2, $3, $4)',
      [seedId(`${programmeKey}#${termKey}`), seedId(programmeKey), seedId(termKey), linkType]);
  }
}

/** Adds the directory details unless they are there already (or the demo centre is not); returns whether it did. */
export async function seedDirectoryDetails(tx: Queryable): Promise<boolean> {
  const orgId = seedId(ORGANIZATION.key);
  const centre = await tx.query('SELECT 1 FROM organizations WHERE id = $1', [orgId]);
  if (centre.rows.length === 0) return false;
  const marker = await tx.query(
    'INSERT INTO kentro_settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING RETURNING key',
    [DIRECTORY_SEED_MARKER, DIRECTORY_SEED_VERSION],
  );
  if (marker.rows.length === 0) return false;

  for (const taxonomy of TAXONOMIES) await insertTaxonomy(tx, taxonomy);
  await insertPhones(tx, ORGANIZATION.key, { organization: orgId }, [SWITCHBOARD]);
  for (const l of LOCATIONS) {
    await tx.query('UPDATE locations SET state_province = $2 WHERE id = $1', [seedId(l.key), l.stateProvince]);
    if (l.phone) await insertPhones(tx, l.key, { location: seedId(l.key) }, [{ number: l.phone, ...LOCATION_PHONES[l.kind] }]);
  }
  for (const p of PROGRAMMES) {
    const id = seedId(p.key);
    await tx.query('UPDATE services SET minimum_age = $2, maximum_age = $3, interpretation_services = $4 WHERE id = $1',
      [id, p.minimumAge ?? null, p.maximumAge ?? null, p.interpretation]);
    await tx.query(
      `INSERT INTO cost_options (id, service_id, option, amount, currency, amount_description) VALUES ($1, $2, 'Δωρεάν', 0, 'EUR', $3)`,
      [seedId(`${p.key}#cost`), id, p.fees],
    );
    await insertPhones(tx, p.key, { service: id }, p.phones ?? [SWITCHBOARD]);
    await linkTerms(tx, p.key, p.needs, NEEDS.linkType);
    const audienceTerms = p.audiences.flatMap((a) => (AUDIENCE_GROUPS[a] ? [AUDIENCE_GROUPS[a]] : []));
    await linkTerms(tx, p.key, audienceTerms, TARGET_GROUPS.linkType);
  }
  return true;
}
