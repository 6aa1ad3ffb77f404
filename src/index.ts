/**
 * Kentro, side-effect free: classes, types, contexts, the contract and the client. Importing this registers no
 * element; import `kentro/all.js` or one `kentro/kentro-<widget>.js` for that.
 */
export * from './client/index.ts';
export * from './contract/index.ts';
export { AnnouncerController } from './core/announcer.ts';
export { configContext, DEFAULT_TIME_ZONE, type KentroConfig } from './core/config.ts';
export { define, VERSION } from './core/define.ts';
export { KentroElement } from './core/kentro-element.ts';
export { LocalizeController, type Params } from './core/localize.ts';
export { KentroProvider } from './core/provider.ts';
export { registerTranslation, resolveTranslation } from './core/translations/registry.ts';
export type { Message, PluralMessage, StringOverrides, Translation, TranslationKey } from './core/translations/translation.ts';
export * from './forms/index.ts';
export { sharedStyles } from './styles/shared.ts';
export { KentroProgrammeDirectory } from './components/programme-directory/programme-directory.ts';
export { KentroIntakeRequestEvent, KentroProgrammeSelectEvent, KentroReferralRequestEvent } from './components/programme-directory/events.ts';
export { fold } from './core/fold.ts';
export { KentroEventsCalendar } from './components/events-calendar/events-calendar.ts';
