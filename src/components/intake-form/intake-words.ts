/** Needs, ages, contact methods, days, times and languages in words. */
import type { ContactMethod, IntakeAgeBand, IntakeNeedOption, OPTIONAL_FACTS } from '../../contract/intake.ts';
import type { LocalizeController } from '../../core/localize.ts';
import type { TranslationKey } from '../../core/translations/translation.ts';

/** Known need codes (Kentro's taxonomy) with names in every language; others keep the feed's own name. */
const NEED_KEYS: Record<string, TranslationKey> = {
  benefits: 'intake.needBenefits', 'benefits.gmi': 'intake.needBenefitsGmi', 'benefits.allowances': 'intake.needBenefitsAllowances',
  'benefits.in-kind': 'intake.needBenefitsInKind', housing: 'intake.needHousing', employment: 'intake.needEmployment',
  'employment.jobs': 'intake.needEmploymentJobs', 'employment.guidance': 'intake.needEmploymentGuidance',
  psychosocial: 'intake.needPsychosocial', children: 'intake.needChildren', 'children.learning': 'intake.needChildrenLearning',
  'children.creative': 'intake.needChildrenCreative', 'children.dropout': 'intake.needChildrenDropout', health: 'intake.needHealth',
  legal: 'intake.needLegal', volunteering: 'intake.needVolunteering', information: 'intake.needInformation',
  'information.referral': 'intake.needInformationReferral', community: 'intake.needCommunity',
};

/** In Greek the centre's own name for the need; in other languages ours, when we know the code. */
export function needName(l: LocalizeController, need: Pick<IntakeNeedOption, 'code' | 'name'>): string {
  const key = need.code ? NEED_KEYS[need.code] : undefined;
  return l.locale === 'el' || !key ? need.name : l.term(key);
}

const AGE_KEYS = {
  'under-18': 'intake.ageUnder18', '18-29': 'intake.age18to29', '30-44': 'intake.age30to44', '45-64': 'intake.age45to64',
  '65-plus': 'intake.age65plus', 'prefer-not': 'intake.agePreferNot',
} as const satisfies Record<IntakeAgeBand, TranslationKey>;
export const ageText = (l: LocalizeController, band: IntakeAgeBand) => l.term(AGE_KEYS[band]);

const METHOD_KEYS = {
  phone: 'intake.methodPhone', sms: 'intake.methodSms', email: 'intake.methodEmail', visit: 'intake.methodVisit',
} as const satisfies Record<ContactMethod, TranslationKey>;
export const methodText = (l: LocalizeController, m: ContactMethod) => l.term(METHOD_KEYS[m]);

const PART_KEYS = { morning: 'intake.morning', midday: 'intake.midday', afternoon: 'intake.afternoon' } as const;
export const partText = (l: LocalizeController, p: keyof typeof PART_KEYS) => l.term(PART_KEYS[p]);

/** Monday 5 January 2026 starts a week: weekday names from Intl in the person's language. */
const MONDAY = Date.UTC(2026, 0, 5, 12);
const DAY_INDEX = { mon: 0, tue: 1, wed: 2, thu: 3, fri: 4 } as const;
export const dayName = (l: LocalizeController, d: keyof typeof DAY_INDEX) =>
  l.date(MONDAY + DAY_INDEX[d] * 86_400_000, { weekday: 'long' });

/** "Ελληνικά", "العربية (Arabic)": the language's own name, with the reader's name for it when they differ. */
export function languageName(l: LocalizeController, code: string): string {
  const names = (locale: string) => {
    try { return new Intl.DisplayNames([locale], { type: 'language', fallback: 'none' }).of(code); } catch { return undefined; }
  };
  const own = names(code);
  const reader = names(l.locale) ?? code;
  return own && own.toLowerCase() !== reader.toLowerCase() ? `${own} (${reader})` : reader;
}

/** The optional facts' questions. */
export const FACT_KEYS = {
  roma: 'intake.factRoma', migrant: 'intake.factMigrant', disability: 'intake.factDisability', keaBeneficiary: 'intake.factKea',
} as const satisfies Record<(typeof OPTIONAL_FACTS)[number], TranslationKey>;
