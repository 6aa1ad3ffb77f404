/** Reading stored intake requests as rows, for the staff listing and for forwarding, with their forwarding state. */
import type { Queryable } from '../db/types.ts';

export type IntakeStatus = 'new' | 'in-progress' | 'closed';
export type ForwardState = 'not-configured' | 'pending' | 'delivered' | 'failing';

export interface IntakeRow {
  id: string;
  reference: string;
  status: IntakeStatus;
  created_at: Date;
  need_ids: string[];
  need_names: string[];
  description: string | null;
  service_id: string | null;
  service_name: string | null;
  anonymous: boolean;
  name: string | null;
  age_band: string;
  area: string | null;
  methods: string[];
  phone: string | null;
  email: string | null;
  days: string[];
  times: string[];
  language: string;
  other_language: string | null;
  interpreter: boolean;
  accessibility: string | null;
  facts: Record<string, string> | null;
  locale: string;
  forwarded: ForwardState;
}

/** A request with its forwarding state: no delivery row means no webhook was configured when it was made. */
export const INTAKE_FROM = 'intake_requests r LEFT JOIN intake_webhook_deliveries d ON d.request_id = r.id';
export const INTAKE_COLUMNS = `r.id, r.reference, r.status, r.created_at, r.need_ids::text[] AS need_ids, r.need_names, r.description,
  r.service_id, r.service_name, r.anonymous, r.name, r.age_band, r.area, r.methods, r.phone, r.email, r.days, r.times,
  r.language, r.other_language, r.interpreter, r.accessibility, r.facts, r.locale,
  CASE WHEN d.request_id IS NULL THEN 'not-configured' WHEN d.delivered_at IS NOT NULL THEN 'delivered'
       WHEN d.last_error IS NOT NULL THEN 'failing' ELSE 'pending' END AS forwarded`;

export async function findIntakeRequests(q: Queryable, ids: readonly string[]): Promise<IntakeRow[]> {
  const { rows } = await q.query<IntakeRow>(`SELECT ${INTAKE_COLUMNS} FROM ${INTAKE_FROM} WHERE r.id = ANY($1::uuid[])`, [[...ids]]);
  return rows;
}

/** `{ [key]: value }`, or nothing when the column is NULL (optional fields are left out, not null). */
export const present = <K extends string, V>(key: K, value: V | null) =>
  (value === null ? {} : { [key]: value }) as Partial<Record<K, V>>;
