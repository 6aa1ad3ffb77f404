/** Reading stored referrals and their status history, for the school's status check, staff and messages. */
import type { MessageLocale } from '../../contract/people.ts';
import type { ReferralStatus, ReferralStatusView } from '../../contract/referral.ts';
import type { Queryable } from '../db/types.ts';
import { isoInZone } from '../events/zone.ts';
import { groupBy } from '../hsds/sql.ts';
import { Params } from '../hsds/sql.ts';
import { after, keysetColumn, orderBy, type KeysetOrder } from '../http/keyset.ts';

export interface ReferralRow {
  id: string;
  reference: string;
  status: ReferralStatus;
  status_token_hash: string;
  referrer_name: string;
  referrer_role: string;
  referrer_school: string;
  referrer_email: string;
  referrer_phone: string;
  pupil_name: string;
  /** `YYYY-MM-DD`. */
  pupil_birth_date: string | null;
  pupil_age: number | null;
  pupil_class: string;
  pupil_home_language: string | null;
  pupil_interpreter: boolean;
  pupil_learning_needs: string | null;
  guardian_name: string;
  guardian_phone: string | null;
  guardian_email: string | null;
  guardian_responsibility: string;
  guardian_agrees: boolean;
  consent_reason: string | null;
  absence_percent: number;
  absence_level: 'none' | 'persistent' | 'severe';
  behaviour_incidents: number;
  performance: string;
  other_factors: string | null;
  tried: string;
  agencies: string | null;
  service_ids: string[];
  service_names: string[];
  urgency: 'routine' | 'soon' | 'urgent';
  urgency_reason: string | null;
  locale: MessageLocale;
  created_at: Date;
}

export interface HistoryRow {
  referral_id: string;
  status: ReferralStatus;
  note: string | null;
  at: Date;
}

const COLUMNS = `id, reference, status, status_token_hash, referrer_name, referrer_role, referrer_school, referrer_email,
  referrer_phone, pupil_name, pupil_birth_date::text AS pupil_birth_date, pupil_age, pupil_class, pupil_home_language,
  pupil_interpreter, pupil_learning_needs, guardian_name, guardian_phone, guardian_email, guardian_responsibility,
  guardian_agrees, consent_reason, absence_percent, absence_level, behaviour_incidents, performance, other_factors, tried,
  agencies, service_ids::text[] AS service_ids, service_names, urgency, urgency_reason, locale, created_at`;

/** Newest first; filtered by status when given. */
/** Newest first; the reference breaks ties. */
export const REFERRAL_ORDER: KeysetOrder = { direction: 'desc', columns: [{ sql: 'created_at', type: 'timestamptz' }, { sql: 'reference', type: 'text' }] };

/** Up to `limit` referrals (of `status`, when given) after the keyset `cursor`, each with its keyset. */
export async function listReferrals(q: Queryable, status: ReferralStatus | undefined, limit: number, cursor?: string[]): Promise<(ReferralRow & { keyset: string[] })[]> {
  const p = new Params();
  const and = ['true'];
  if (status) and.push(`status = ${p.add(status)}`);
  if (cursor) and.push(after(p, REFERRAL_ORDER, cursor));
  const { rows } = await q.query<ReferralRow & { keyset: string[] }>(
    `SELECT ${COLUMNS}, ${keysetColumn(REFERRAL_ORDER)} FROM referrals WHERE ${and.join(' AND ')}
      ORDER BY ${orderBy(REFERRAL_ORDER)} LIMIT ${p.add(limit, 'integer')}`,
    p.values,
  );
  return rows;
}

/** The referral with this reference; `lock` takes its row lock, so two status changes run one after the other. */
export async function findReferral(q: Queryable, reference: string, lock = false): Promise<ReferralRow | undefined> {
  const { rows } = await q.query<ReferralRow>(`SELECT ${COLUMNS} FROM referrals WHERE reference = $1${lock ? ' FOR UPDATE' : ''}`, [reference]);
  return rows[0];
}

/** The histories of these referrals, each oldest first. */
export async function historiesOf(q: Queryable, referralIds: readonly string[]): Promise<Map<string, HistoryRow[]>> {
  const { rows } = await q.query<HistoryRow>(
    'SELECT referral_id, status, note, at FROM referral_status_history WHERE referral_id = ANY($1::uuid[]) ORDER BY id',
    [[...referralIds]],
  );
  return groupBy(rows, (r) => r.referral_id);
}

/** The history as the school reads it: statuses, when (in the centre's time zone) and the notes meant for it. */
export const historyView = (rows: readonly HistoryRow[], timeZone: string): ReferralStatusView['history'] =>
  rows.map((h) => ({ status: h.status, at: isoInZone(h.at.getTime(), timeZone), ...(h.note ? { note: h.note } : {}) }));

/**
 * What the school's status check answers: the reference, the status and its history. Built from those three
 * alone, so nothing about the pupil, the guardian or the referrer can slip in.
 */
export async function statusView(q: Queryable, referral: Pick<ReferralRow, 'id' | 'reference' | 'status'>, timeZone: string): Promise<ReferralStatusView> {
  const history = (await historiesOf(q, [referral.id])).get(referral.id) ?? [];
  return { reference: referral.reference, status: referral.status, history: historyView(history, timeZone) };
}
