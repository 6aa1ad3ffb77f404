/**
 * Greek, complete: every section. Widgets load only the sections they use (each section file on its own, see
 * `KentroElement.translations`); the server and the tests use the whole.
 */
import base from './el/base.ts';
import directory from './el/directory.ts';
import events from './el/events.ts';
import intake from './el/intake.ts';
import referral from './el/referral.ts';
import volunteer from './el/volunteer.ts';
import type { Translation } from './translation.ts';

export const el = { ...base, ...directory, ...events, ...volunteer, ...intake, ...referral } satisfies Translation;
