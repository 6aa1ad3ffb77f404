/**
 * Staff listing of referrals, newest first, as JSON (the request's parts as they were answered, with the
 * programmes' names and the status history) or as CSV for a spreadsheet, one flattened column per answer
 * (`pupil.name`, `guardian.phone`, …). Both are built from one table of fields, so they always agree.
 */
import type * as z from 'zod/mini';
import type { AdminReferralRow, AdminReferralsQuery } from '../../contract/referral.ts';
import type { Queryable } from '../db/types.ts';
import { isoInZone } from '../events/zone.ts';
import type { CsvValue } from '../http/csv.ts';
import { decodeCursor, DEFAULT_PAGE_SIZE, pageOf, pagesOf, type Page } from '../http/keyset.ts';
import { historiesOf, historyView, listReferrals, REFERRAL_ORDER, type ReferralRow } from './records.ts';

type Row = z.infer<typeof AdminReferralRow>;
type Value = string | number | boolean | null;

const yesNo = (value: boolean) => (value ? 'yes' : 'no');

/** The answers of each part of the request, by the request's own field names (absence is a leading column). */
const PARTS = {
  referrer: {
    name: (r) => r.referrer_name, role: (r) => r.referrer_role, school: (r) => r.referrer_school,
    email: (r) => r.referrer_email, phone: (r) => r.referrer_phone,
  },
  pupil: {
    name: (r) => r.pupil_name, birthDate: (r) => r.pupil_birth_date, age: (r) => r.pupil_age, class: (r) => r.pupil_class,
    homeLanguage: (r) => r.pupil_home_language, interpreter: (r) => r.pupil_interpreter, learningNeeds: (r) => r.pupil_learning_needs,
  },
  guardian: {
    name: (r) => r.guardian_name, phone: (r) => r.guardian_phone, email: (r) => r.guardian_email,
    responsibility: (r) => r.guardian_responsibility,
  },
  consent: { guardianAgrees: (r) => yesNo(r.guardian_agrees), reason: (r) => r.consent_reason },
  indicators: {
    behaviourIncidents: (r) => r.behaviour_incidents, performance: (r) => r.performance,
    otherFactors: (r) => r.other_factors, tried: (r) => r.tried, agencies: (r) => r.agencies,
  },
} satisfies Record<string, Record<string, (r: ReferralRow) => Value>>;

type Part = keyof typeof PARTS;
const PART_NAMES = Object.keys(PARTS) as Part[];

/** A part's answers, leaving out those not given. */
function part(r: ReferralRow, name: Part): Record<string, Value> {
  const fields = Object.entries(PARTS[name]) as [string, (r: ReferralRow) => Value][];
  return Object.fromEntries(fields.flatMap(([field, read]) => {
    const value = read(r);
    return value === null ? [] : [[field, value]];
  }));
}

type Query = z.infer<typeof AdminReferralsQuery>;

/** Rows as staff see them, with their histories (read for the batch at once). */
async function toRows(q: Queryable, referrals: readonly ReferralRow[], timeZone: string): Promise<Row[]> {
  const histories = await historiesOf(q, referrals.map((r) => r.id));
  return referrals.map((r) => ({
    reference: r.reference,
    status: r.status,
    createdAt: isoInZone(r.created_at.getTime(), timeZone),
    urgency: r.urgency,
    ...(r.urgency_reason ? { urgencyReason: r.urgency_reason } : {}),
    absencePercent: r.absence_percent,
    absenceLevel: r.absence_level,
    ...Object.fromEntries(PART_NAMES.map((name) => [name, part(r, name)])) as Record<Part, Record<string, Value>>,
    programmes: r.service_names,
    history: historyView(histories.get(r.id) ?? [], timeZone),
  }));
}

const fetchRows = (q: Queryable, query: Query) => (limit: number, cursor: string[] | undefined) => listReferrals(q, query.status, limit, cursor);

/** One page of the staff list (`limit` rows after the `after` cursor). */
export function adminReferralPage(q: Queryable, query: Query, timeZone: string): Promise<Page<Row>> {
  return pageOf(query.limit ?? DEFAULT_PAGE_SIZE, decodeCursor(query.after, REFERRAL_ORDER), fetchRows(q, query), (rows) => toRows(q, rows, timeZone));
}

const LEADING = ['reference', 'status', 'createdAt', 'urgency', 'urgencyReason', 'absencePercent', 'absenceLevel'] as const;

/** `2026-11-23T10:00:00+02:00 accepted: note`, one change a line. */
const historyCell = (history: Row['history']) => history.map((h) => `${h.at} ${h.status}${h.note ? `: ${h.note}` : ''}`).join('\n');

const ANSWERS = PART_NAMES.flatMap((name) => Object.keys(PARTS[name]).map((field) => [name, field] as const));

/** The CSV's columns: the leading facts, then one column per answer (`part.field`), the programmes and the history. */
export const ADMIN_REFERRALS_CSV_HEADER: readonly string[] = [...LEADING, ...ANSWERS.map(([name, field]) => `${name}.${field}`), 'programmes', 'history'];

const csvRow = (r: Row): CsvValue[] => [
  ...LEADING.map((c) => r[c]),
  ...ANSWERS.map(([name, field]) => r[name][field] as CsvValue),
  r.programmes.join('; '),
  historyCell(r.history),
];

/** Every referral as CSV rows, a batch at a time. */
export const adminReferralsCsvRows = (q: Queryable, query: Query, timeZone: string) =>
  pagesOf(fetchRows(q, query), async (rows) => (await toRows(q, rows, timeZone)).map(csvRow));
