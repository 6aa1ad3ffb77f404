/**
 * A real signup for the stories that show a volunteer's own page: made through the API as the widget would, with
 * a unique email, for the first open shift. Waits out the backend's minimum fill time (none in the browser tests).
 */
import { ApiClient } from '../../src/client/api-client.ts';
import { getFormToken } from '../../src/client/system.ts';
import { uuid } from '../../src/client/uuid.ts';
import { VolunteeringClient } from '../../src/client/volunteering.ts';

const g = globalThis as { KENTRO_STORY_MIN_FILL_MS?: number };

export async function createStorySignup(apiBase: string): Promise<string> {
  const api = new ApiClient({ baseUrl: apiBase });
  const client = new VolunteeringClient(api);
  const renderedAt = await getFormToken(api);
  const { items } = await client.opportunities();
  const opportunity = items.find((o) => o.minAge <= 18 && o.shifts.some((s) => s.placesLeft > 0))!;
  const shifts = opportunity.shifts.filter((s) => s.placesLeft > 0).slice(0, 2);
  await new Promise((r) => setTimeout(r, g.KENTRO_STORY_MIN_FILL_MS ?? 3100));
  const created = await client.signUp({
    opportunityId: opportunity.id, shiftIds: shifts.map((s) => s.id), name: 'Μαρία Κωνσταντίνου',
    email: `maria.${uuid().slice(0, 8)}@example.org`, ageBand: '21-64', consent: true, locale: 'el', renderedAt,
  }, { idempotencyKey: uuid() });
  return created.manageToken;
}
