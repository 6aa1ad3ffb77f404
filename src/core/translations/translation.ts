/**
 * The shape every locale fills. A locale missing a key fails the type check.
 * Values are plain strings with `{placeholders}`, or plural forms chosen with `Intl.PluralRules` by `{count}`.
 */
import type { FieldErrorCode } from '../../contract/common.ts';

export type PluralMessage = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
export type Message = string | PluralMessage;

export interface Translation {
  $code: string;
  $name: string;
  $dir: 'ltr' | 'rtl';
  common: {
    loading: Message; retry: Message; close: Message; cancel: Message; continue: Message; back: Message;
    submit: Message; change: Message; optional: Message; yes: Message; no: Message; results: Message;
    required: Message;
  };
  errors: Record<FieldErrorCode, Message>;
  client: {
    sending: Message; retrying: Message; offline: Message; timeout: Message; server: Message;
    rateLimited: Message; badResponse: Message; notFound: Message; unauthorized: Message; conflict: Message;
    invalid: Message; failedKept: Message;
  };
  form: {
    errorSummaryTitle: Message; errorPrefix: Message; checkAnswersTitle: Message; changeLink: Message;
    notProvided: Message; referenceLabel: Message; whatNext: Message; stepOf: Message; honeypot: Message;
    choose: Message;
  };
  kiosk: { warningTitle: Message; warningBody: Message; stay: Message; resetNow: Message; wiped: Message };
  provider: { missingApi: Message };
  hours: {
    daily: Message; weekly: Message; monthly: Message; range: Message;
    ordinal1: Message; ordinal2: Message; ordinal3: Message; ordinal4: Message; ordinalLast: Message;
    ordinal1Neuter: Message; ordinal2Neuter: Message; ordinal3Neuter: Message; ordinal4Neuter: Message; ordinalLastNeuter: Message;
    openNow: Message; closedNext: Message; closedToday: Message; closed: Message;
  };
  directory: {
    searchLabel: Message; searchHint: Message; filters: Message; any: Message;
    location: Message; language: Message; age: Message; ageHint: Message; category: Message; clearFilters: Message;
    results: Message; resultsFor: Message; noResults: Message; noResultsHint: Message; loadError: Message;
    backToResults: Message; about: Message; eligibility: Message; howToApply: Message; documents: Message; fees: Message;
    free: Message; languages: Message; interpretation: Message; contact: Message; email: Message;
    website: Message; locations: Message; address: Message; accessibility: Message; transport: Message; hours: Message;
    askForHelp: Message; referPupil: Message; print: Message; addToList: Message; removeFromList: Message;
    myList: Message; printList: Message; clearList: Message; ages: Message; agesFrom: Message; agesTo: Message;
    organisation: Message; alert: Message; showMore: Message; notFound: Message;
  };
  events: {
    viewList: Message; viewMonth: Message; viewWeek: Message; views: Message; today: Message; prev: Message; next: Message;
    previousPeriod: Message; nextPeriod: Message; viewHint: Message; navLinkHint: Message;
    moreLinkHint: Message; noEvents: Message; allDay: Message; close: Message; eventsHint: Message;
    category: Message; village: Message; any: Message; loadError: Message; filters: Message;
    catSeminar: Message; catChildren: Message; catInformationDay: Message; catMobileUnit: Message; catVolunteering: Message;
    catCommunity: Message; catOther: Message;
    statusScheduled: Message; statusCancelled: Message; statusPostponed: Message; statusMovedOnline: Message;
    when: Message; where: Message; accessibility: Message; registration: Message; languages: Message; originally: Message;
    regNone: Message; regOpen: Message; regFull: Message; regLink: Message; placesLeft: Message;
    addToCalendar: Message; downloadIcs: Message; google: Message; outlook: Message; subscribe: Message;
    nextVisitTitle: Message; nextVisitLabel: Message; nextVisit: Message; noNextVisit: Message; 
    repeats: Message; timed: Message; feedError: Message;
  };
  volunteer: {
    age: Message; filters: Message; skill: Message; place: Message; fromDate: Message; any: Message; clearFilters: Message;
    count: Message; none: Message; loadError: Message; minAge: Message; nextShift: Message; noShifts: Message;
    choose: Message; requirements: Message; skills: Message; where: Message; backToList: Message;
    shiftsLegend: Message; shiftsHint: Message; placesLeft: Message; full: Message; waiting: Message;
    filledNow: Message; joinWaitlist: Message; chooseAnother: Message; waitlistChosen: Message; aboutTitle: Message;
    name: Message; email: Message; emailHint: Message; phone: Message; phoneHint: Message; ageBand: Message;
    ageHint: Message; ageUnder15: Message; age15to17: Message; age18to20: Message; age21to64: Message;
    age65plus: Message; under15Title: Message; under15Body: Message; under15Back: Message; guardianTitle: Message;
    guardianHint: Message; guardianName: Message; guardianEmail: Message; guardianPhone: Message;
    guardianRelationship: Message; guardianRelationshipHint: Message; moreTitle: Message; skillsLegend: Message;
    skillsHint: Message; availability: Message; availabilityHint: Message; accessibilityNeeds: Message;
    accessibilityHint: Message; consent: Message; consentHint: Message; role: Message; shifts: Message;
    ifFull: Message; ifFullWaitlist: Message; ifFullRefuse: Message; signUp: Message; doneConfirmed: Message;
    doneWaitlisted: Message; doneGuardian: Message; statusConfirmed: Message; statusWaitlisted: Message;
    statusCancelled: Message; statusHeld: Message; nextConfirmed: Message; nextWaitlisted: Message;
    nextGuardian: Message; addToCalendar: Message; manage: Message; another: Message; manageTitle: Message;
    manageIntro: Message; cancelShift: Message; cancelConfirm: Message; cancelYes: Message; cancelNo: Message;
    cancelled: Message; guardianPending: Message; manageNotFound: Message; noActive: Message;
    guardianViewTitle: Message; guardianViewIntro: Message; agree: Message; decline: Message; agreed: Message;
    declined: Message; guardianNotFound: Message; decisionTitle: Message; minorShifts: Message;
  };
  intake: {
    exit: Message; exitHint: Message; exitedTitle: Message; exitedBody: Message; loadError: Message;
    needsTitle: Message; needsHint: Message; fromService: Message; subNeeds: Message; describe: Message;
    describeHint: Message; keaTitle: Message; keaIntro: Message; keaWho1: Message; keaWho2: Message; keaWho3: Message;
    keaDocsTitle: Message; keaDoc1: Message; keaDoc2: Message; keaDoc3: Message; keaDoc4: Message; keaDoc5: Message;
    keaDoc6: Message; keaUnsure: Message; aboutTitle: Message; anonymous: Message; anonymousHint: Message;
    name: Message; ageBand: Message; ageUnder18: Message; age18to29: Message; age30to44: Message; age45to64: Message;
    age65plus: Message; agePreferNot: Message; area: Message; areaHint: Message; areaOther: Message;
    contactTitle: Message; methods: Message; methodsHint: Message; methodPhone: Message; methodSms: Message;
    methodEmail: Message; methodVisit: Message; phone: Message; email: Message; days: Message; times: Message;
    morning: Message; midday: Message; afternoon: Message; consent: Message; consentHint: Message;
    languageTitle: Message; languageHint: Message; otherLanguage: Message; otherLanguageName: Message;
    interpreter: Message; accessTitle: Message; accessHint: Message; accessLabel: Message; factsTitle: Message;
    factsPurpose: Message; factRoma: Message; factMigrant: Message; factDisability: Message; factKea: Message;
    preferNot: Message; factsConsent: Message; skip: Message; needs: Message; description: Message; service: Message;
    anonymousValue: Message; language: Message; accessibility: Message; facts: Message; send: Message;
    doneTitle: Message; next: Message; nextAnonymousVisit: Message; keepReference: Message; visitUs: Message;
    address: Message; hours: Message; centrePhone: Message; newRequest: Message; step: Message; needBenefits: Message;
    needBenefitsGmi: Message; needBenefitsAllowances: Message; needBenefitsInKind: Message; needHousing: Message;
    needEmployment: Message; needEmploymentJobs: Message; needEmploymentGuidance: Message; needPsychosocial: Message;
    needChildren: Message; needChildrenLearning: Message; needChildrenCreative: Message; needChildrenDropout: Message;
    needHealth: Message; needLegal: Message; needVolunteering: Message; needInformation: Message;
    needInformationReferral: Message; needCommunity: Message;
  };
  referral: {
    checkLink: Message; newLink: Message; step: Message; loadError: Message; referrerTitle: Message;
    referrerHint: Message; name: Message; role: Message; roleTeacher: Message; roleCounsellor: Message;
    roleHead: Message; roleOther: Message; school: Message; workEmail: Message; workEmailHint: Message;
    workPhone: Message; pupilTitle: Message; pupilHint: Message; pupilName: Message; birthDate: Message;
    birthDateHint: Message; age: Message; pupilClass: Message; pupilClassHint: Message; homeLanguage: Message;
    interpreter: Message; learningNeeds: Message; learningNeedsHint: Message; guardianTitle: Message;
    guardianName: Message; guardianPhone: Message; guardianEmail: Message; guardianContactHint: Message;
    responsibility: Message; respBoth: Message; respMother: Message; respFather: Message; respGuardian: Message;
    respOther: Message; consentTitle: Message; immediateRisk: Message; immediateRiskHint: Message;
    guardianAgrees: Message; reason: Message; reasonHint: Message; riskTitle: Message; riskCall: Message;
    riskChildLine: Message; riskNothingSent: Message; riskBack: Message; indicatorsTitle: Message; absence: Message;
    absenceHint: Message; absencePersistent: Message; absenceSevere: Message; incidents: Message;
    performance: Message; perfStable: Message; perfDeclining: Message; perfFailing: Message; otherFactors: Message;
    otherFactorsHint: Message; tried: Message; agencies: Message; agenciesHint: Message; supportTitle: Message;
    programmes: Message; programmesHint: Message; urgency: Message; urgRoutine: Message; urgSoon: Message;
    urgUrgent: Message; urgencyReason: Message; referrer: Message; pupil: Message; guardian: Message;
    consent: Message; indicators: Message; support: Message; send: Message; doneTitle: Message; codeLabel: Message;
    codeHint: Message; doneNext: Message; statusTitle: Message; statusHint: Message; reference: Message;
    code: Message; codeFormatHint: Message; show: Message; notFound: Message; currentStatus: Message;
    history: Message; stRequested: Message; stAccepted: Message; stRejected: Message; stOnHold: Message;
    stInProgress: Message; stCompleted: Message; stCancelled: Message;
  };
}

export type Section = Exclude<keyof Translation, '$code' | '$name' | '$dir'>;
/** Every key of every section, as `section.key`. */
export type TranslationKey = { [S in Section]: `${S}.${keyof Translation[S] & string}` }[Section];
/** Single-string overrides a council may give, per locale. */
export type StringOverrides = Partial<Record<TranslationKey, Message>>;
