/**
 * Deterministic generator of an HSDS 3.0 directory for the benchmark: `generateDirectory(n, seed)` gives the same
 * `n` services (and taxonomies, terms) for the same seed. Three services in four are Greek, the rest English;
 * names and descriptions carry accents, final sigma, capitals and a few ALL-CAPS names, built from the words a
 * Community Centre's programmes really use (παιδιά, γονείς, επίδομα, στέγαση, εργασία, υγεία, ΚΕΑ, counselling,
 * housing…). Every service has an organisation, attributes with taxonomy terms, locations with addresses and
 * schedules, languages, ages and cost options, and validates against the widget's schema (`src/contract/hsds.ts`).
 */

/** mulberry32: small, fast, good enough for test data. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (max: number) => Math.floor(next() * max),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!,
    chance: (p: number) => next() < p,
    uuid: () => {
      const hex = Array.from({ length: 32 }, () => Math.floor(next() * 16).toString(16)).join('');
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[Math.floor(next() * 4)]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
    },
  };
}
type Rng = ReturnType<typeof prng>;

/** A need: its taxonomy term, and Greek/English name stems and sentences. */
interface Theme {
  term: string;
  el: string[];
  en: string[];
  elText: string[];
  enText: string[];
}

const THEMES: Theme[] = [
  {
    term: 'Στέγαση',
    el: ['Συμβουλευτική για θέματα στέγασης', 'Αιτήσεις για το επίδομα στέγασης', 'Στήριξη για ενοίκιο και λογαριασμούς', 'Στεγαστική βοήθεια έκτακτης ανάγκης'],
    en: ['Housing counselling', 'Housing benefit applications', 'Help with rent and bills', 'Emergency housing support'],
    elText: ['Βοηθάμε οικογένειες να βρουν στέγη και να κάνουν αίτηση για το επίδομα στέγασης.', 'Ενημέρωση για ενοίκια, συμβόλαια και εξώσεις.', 'Συνοδεία σε υπηρεσίες για την υποβολή των δικαιολογητικών στέγασης.'],
    enText: ['We help families find a home and apply for the housing benefit.', 'Advice on tenancy agreements, rent arrears and evictions.', 'Caseworkers accompany you to housing offices.'],
  },
  {
    term: 'Εργασία',
    el: ['Συμβουλευτική για την εύρεση εργασίας', 'Εργαστήριο βιογραφικού και συνέντευξης', 'Επαγγελματικός προσανατολισμός', 'Κατάρτιση και πρακτική άσκηση'],
    en: ['Job search counselling', 'CV and interview workshop', 'Careers guidance', 'Training and work placements'],
    elText: ['Βοηθάμε ανέργους να ετοιμάσουν βιογραφικό και να βρουν εργασία.', 'Σύνδεση με εργοδότες της περιοχής και τη ΔΥΠΑ.', 'Ατομικές συναντήσεις επαγγελματικού προσανατολισμού.'],
    enText: ['We help unemployed people write a CV and find work.', 'Links with local employers and the public employment service.', 'One-to-one careers guidance sessions.'],
  },
  {
    term: 'Υγεία',
    el: ['Προληπτικός έλεγχος υγείας', 'Εμβολιασμοί παιδιών', 'Ψυχολογική υποστήριξη', 'Συνοδεία σε νοσοκομεία και ιατρεία'],
    en: ['Health screening', 'Childhood vaccinations', 'Mental health counselling', 'Accompanying to hospital appointments'],
    elText: ['Δωρεάν προληπτικές εξετάσεις υγείας με ραντεβού.', 'Ενημέρωση για το ΑΜΚΑ και την πρόσβαση στο σύστημα υγείας.', 'Ψυχολόγοι και κοινωνικοί λειτουργοί για ατομικές συνεδρίες.'],
    enText: ['Free health checks by appointment.', 'Help getting a social security number and access to health care.', 'Psychologists and social workers offer individual sessions.'],
  },
  {
    term: 'Εκπαίδευση',
    el: ['Ενισχυτική διδασκαλία', 'Μαθήματα ελληνικών για ενήλικες', 'Στήριξη της σχολικής φοίτησης', 'Δημιουργική απασχόληση παιδιών'],
    en: ['Homework club', 'Greek language classes', 'School attendance support', 'Creative activities for children'],
    elText: ['Βοήθεια στα μαθήματα του σχολείου για παιδιά δημοτικού και γυμνασίου.', 'Συνεργασία με τα σχολεία για να μη διακόπτουν τα παιδιά τη φοίτηση.', 'Μαθήματα ελληνικών σε μικρές ομάδες, πρωί και απόγευμα.'],
    enText: ['Homework help for primary and secondary school pupils.', 'We work with schools so that children keep attending.', 'Greek lessons in small groups, mornings and afternoons.'],
  },
  {
    term: 'Οικονομική ενίσχυση',
    el: ['Αιτήσεις για το ΚΕΑ', 'Επίδομα παιδιών: ενημέρωση και αιτήσεις', 'Κοινωνικό τιμολόγιο ρεύματος και νερού', 'Έκτακτη οικονομική ενίσχυση'],
    en: ['KEA minimum income applications', 'Child benefit applications', 'Social tariffs for electricity and water', 'Emergency financial help'],
    elText: ['Κάνουμε μαζί σας την αίτηση για το Ελάχιστο Εγγυημένο Εισόδημα (ΚΕΑ).', 'Έλεγχος δικαιολογητικών για το επίδομα παιδιών και το επίδομα γέννησης.', 'Ενημέρωση για τα επιδόματα που δικαιούστε.'],
    enText: ['We complete the minimum income (KEA) application with you.', 'We check the documents for the child benefit and birth allowance.', 'Advice on the benefits you are entitled to.'],
  },
  {
    term: 'Οικογένεια',
    el: ['Σχολή γονέων', 'Συμβουλευτική γονέων', 'Ομάδα στήριξης μονογονεϊκών οικογενειών', 'Διαμεσολάβηση οικογένειας'],
    en: ['Parenting course', 'Parent counselling', 'Single parents support group', 'Family mediation'],
    elText: ['Συναντήσεις για γονείς με παιδιά κάθε ηλικίας.', 'Στήριξη των γονιών στη σχέση με τα παιδιά και το σχολείο.', 'Φύλαξη παιδιών κατά τη διάρκεια της συνάντησης.'],
    enText: ['Meetings for parents of children of all ages.', 'Support for parents with their children and the school.', 'Childcare is provided during sessions.'],
  },
  {
    term: 'Νομική βοήθεια',
    el: ['Νομική συμβουλευτική', 'Βοήθεια με την άδεια διαμονής', 'Ενημέρωση για εργασιακά δικαιώματα'],
    en: ['Legal advice', 'Residence permit help', 'Workers’ rights advice'],
    elText: ['Δωρεάν νομική ενημέρωση από δικηγόρους εθελοντές.', 'Βοήθεια με έγγραφα, άδειες διαμονής και ιθαγένεια.', 'Διερμηνεία όταν τη χρειάζεστε.'],
    enText: ['Free legal information from volunteer lawyers.', 'Help with papers, residence permits and citizenship.', 'Interpreters on request.'],
  },
  {
    term: 'Τρόφιμα και είδη πρώτης ανάγκης',
    el: ['Κοινωνικό παντοπωλείο', 'Διανομή τροφίμων', 'Κοινωνικός ιματισμός'],
    en: ['Social grocery', 'Food distribution', 'Clothing bank'],
    elText: ['Τρόφιμα και είδη πρώτης ανάγκης για οικογένειες με χαμηλό εισόδημα.', 'Διανομή κάθε μήνα με σειρά προτεραιότητας.', 'Ρούχα και παπούτσια για παιδιά και ενήλικες.'],
    enText: ['Food and essentials for families on a low income.', 'Monthly distribution by appointment.', 'Clothes and shoes for children and adults.'],
  },
];

/** A target group: term, name suffixes, ages. */
const GROUPS = [
  { term: 'Παιδιά', el: 'για παιδιά', en: 'for children', min: 6, max: 12 },
  { term: 'Έφηβοι', el: 'για εφήβους', en: 'for teenagers', min: 13, max: 18 },
  { term: 'Γονείς', el: 'για γονείς', en: 'for parents', min: 18, max: null },
  { term: 'Οικογένειες', el: 'για οικογένειες', en: 'for families', min: null, max: null },
  { term: 'Ρομά', el: 'για οικογένειες Ρομά', en: 'for Roma families', min: null, max: null },
  { term: 'Ηλικιωμένοι', el: 'για ηλικιωμένους', en: 'for older people', min: 65, max: null },
  { term: 'Άτομα με αναπηρία', el: 'για άτομα με αναπηρία', en: 'for disabled people', min: null, max: null },
  { term: 'Μετανάστες και πρόσφυγες', el: 'για μετανάστες και πρόσφυγες', en: 'for migrants and refugees', min: null, max: null },
  { term: 'Άνεργοι', el: 'για ανέργους', en: 'for unemployed people', min: 18, max: 67 },
  { term: 'Γυναίκες', el: 'για γυναίκες', en: 'for women', min: 18, max: null },
] as const;

const PLACES = [
  'Καλαμαριά', 'Νέα Σμύρνη', 'Άγιος Νικόλαος', 'Πανόραμα', 'Λευκή', 'Μεταμόρφωση', 'Πεύκα', 'Ωραιόκαστρο', 'Σίνδος',
  'Χαλάστρα', 'Νέα Μάκρη', 'Ζωγράφου', 'Περιστέρι', 'Αιγάλεω', 'Μενίδι', 'Ασπρόπυργος', 'Ελευσίνα', 'Δενδροπόταμος',
  'Άγιος Ιωάννης', 'Κηφισιά', 'Νέα Ιωνία', 'Βύρωνας', 'Καισαριανή', 'Ηλιούπολη', 'Γλυφάδα', 'Πάτρα', 'Ρίο', 'Βόλος',
  'Λάρισα', 'Τρίκαλα', 'Ιωάννινα', 'Κομοτηνή', 'Ξάνθη', 'Σέρρες', 'Δράμα', 'Καβάλα', 'Χανιά', 'Ηράκλειο', 'Ρέθυμνο', 'Ζεφύρι',
];
const VILLAGES = ['Αγία Τριάδα', 'Λιβάδι', 'Μεσοχώρι', 'Πλατανιάς', 'Καστανιές', 'Ρόδια', 'Ελαιώνας', 'Κρύα Βρύση'];

const LANGUAGES = [
  { code: 'el', name: 'Ελληνικά' }, { code: 'en', name: 'English' }, { code: 'ar', name: 'العربية' },
  { code: 'rom', name: 'Romani' }, { code: 'uk', name: 'Українська' }, { code: 'fa', name: 'فارسی' }, { code: 'sq', name: 'Shqip' },
];

const ORG_KINDS = [
  'Κέντρο Κοινότητας Δήμου', 'Κοινωνική Υπηρεσία Δήμου', 'Σύλλογος Γονέων και Κηδεμόνων', 'Κοινωνικό Φαρμακείο',
  'Ένωση Εθελοντών', 'Community Centre of', 'Red Cross branch', 'Family Support Network',
];

const ELIGIBILITY_EL = [
  'Για κατοίκους του δήμου με χαμηλό εισόδημα.', 'Χωρίς προϋποθέσεις: έλα όπως είσαι.', 'Χρειάζεται παραπομπή από κοινωνικό λειτουργό.',
  'Προτεραιότητα σε μονογονεϊκές και πολύτεκνες οικογένειες.', 'Για δικαιούχους του ΚΕΑ.',
];
const ELIGIBILITY_EN = [
  'For residents on a low income.', 'No conditions: just come along.', 'Needs a referral from a social worker.',
  'Priority for single-parent and large families.', 'For people receiving KEA.',
];

const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR'];

/** Greek capitals the way signs write them: accents dropped. */
const caps = (s: string) => s.normalize('NFD').replace(/\p{M}+/gu, '').normalize('NFC').toUpperCase();

export interface Directory {
  services: Record<string, unknown>[];
  taxonomies: Record<string, unknown>[];
  terms: Record<string, unknown>[];
}

export function generateDirectory(n: number, seed = 20260423): Directory {
  const r: Rng = prng(seed);
  const needs = { id: r.uuid(), name: 'Ανάγκες', description: 'Τι χρειάζεται το άτομο', uri: null, version: '1' };
  const groups = { id: r.uuid(), name: 'Ομάδες στόχου', description: 'Σε ποιους απευθύνεται', uri: null, version: '1' };
  const term = (name: string, taxonomy: typeof needs, parent: string | null = null) =>
    ({ id: r.uuid(), code: null, name, description: null, parent_id: parent, taxonomy: taxonomy.name, taxonomy_id: taxonomy.id, language: 'el' });
  const needTerms = new Map(THEMES.map((t) => [t.term, term(t.term, needs)]));
  const groupTerms = new Map(GROUPS.map((g) => [g.term, term(g.term, groups)]));

  const location = (name: string, village = false) => ({
    id: r.uuid(), location_type: village ? 'physical' : 'physical', name, alternate_name: null,
    description: village ? `Στάση της κινητής μονάδας στην πλατεία (${name}).` : null,
    transportation: r.chance(0.5) ? `Λεωφορείο ${1 + r.int(90)}, στάση «${r.pick(PLACES)}»` : null,
    latitude: 37.9 + r.next(), longitude: 23.6 + r.next(),
    addresses: [{ id: r.uuid(), address_1: `Οδός ${r.pick(PLACES)} ${1 + r.int(120)}`, city: name, region: 'Αττική', state_province: 'Αττική', postal_code: String(10000 + r.int(80000)), country: 'GR', address_type: 'physical' }],
    accessibility: r.chance(0.6) ? [{ id: r.uuid(), description: 'Ράμπα στην είσοδο και ανελκυστήρας', details: null, url: null }] : [],
    languages: [], phones: [], schedules: [], attributes: [],
  });
  const locations = [
    location('Κεντρικό Κέντρο Κοινότητας'), location('Παράρτημα Ρομά'), location('Κινητή Μονάδα'),
    ...PLACES.map((p) => location(`Κέντρο Κοινότητας ${p}`)), ...VILLAGES.map((v) => location(v, true)),
  ];
  const organizations = Array.from({ length: 60 }, (_, i) => {
    const kind = ORG_KINDS[i % ORG_KINDS.length]!;
    return { id: r.uuid(), name: `${kind} ${PLACES[i % PLACES.length]}`, alternate_name: null, description: null, email: null, website: null, phones: [] };
  });

  const services: Record<string, unknown>[] = [];
  for (let i = 0; i < n; i++) {
    const theme = r.pick(THEMES);
    const group = r.pick(GROUPS);
    const greek = r.chance(0.75);
    const place = r.pick(PLACES);
    const stem = greek ? r.pick(theme.el) : r.pick(theme.en);
    let name = greek ? `${stem} ${group.el} — ${place}` : `${stem} ${group.en} (${place})`;
    if (greek && r.chance(0.05)) name = caps(name);
    const sentences = greek ? theme.elText : theme.enText;
    const description = [r.pick(sentences), r.pick(sentences), greek ? `Απευθύνεται ${group.el}.` : `Open ${group.en}.`]
      .filter((s, k, all) => all.indexOf(s) === k).join(' ');
    const org = r.pick(organizations);
    const where = [r.pick(locations), ...(r.chance(0.3) ? [r.pick(locations)] : [])];
    const day = r.pick(DAYS);
    const schedule = r.chance(0.2)
      ? { id: r.uuid(), freq: 'MONTHLY', byday: `1${day}`, opens_at: '10:00', closes_at: '13:00', description: null }
      : { id: r.uuid(), freq: 'WEEKLY', byday: `${day},${r.pick(DAYS)}`, opens_at: '09:00', closes_at: '13:00', description: null };
    const langs = [LANGUAGES[0]!, ...(r.chance(0.5) ? [LANGUAGES[1]!] : []), ...(r.chance(0.3) ? [r.pick(LANGUAGES.slice(2))] : [])];
    const attribute = (t: { id: string }) => ({ id: r.uuid(), taxonomy_term_id: t.id, link_type: 'service', link_entity: 'service', value: null, taxonomy_term: t });
    services.push({
      id: r.uuid(),
      name,
      alternate_name: greek && r.chance(0.3) ? `${r.pick(theme.en)} ${group.en}` : null,
      description,
      url: null, email: null, status: 'active',
      interpretation_services: r.chance(0.3) ? 'Διερμηνεία στα αραβικά και τα ρομανί με ραντεβού.' : null,
      application_process: greek ? 'Τηλεφωνήστε ή ελάτε στο Κέντρο Κοινότητας.' : 'Call or visit the Community Centre.',
      fees_description: null, wait_time: null,
      eligibility_description: greek ? r.pick(ELIGIBILITY_EL) : r.pick(ELIGIBILITY_EN),
      minimum_age: group.min, maximum_age: group.max, alert: null, last_modified: '2026-04-01T09:00:00Z',
      organization_id: org.id, organization: org,
      phones: [{ id: r.uuid(), number: `210${String(1000000 + r.int(8999999))}`, type: 'voice', languages: [] }],
      schedules: [],
      service_areas: [],
      service_at_locations: where.map((loc) => ({ id: r.uuid(), service_id: null, location_id: loc.id, description: null, phones: [], schedules: [schedule], location: loc, attributes: [] })),
      languages: langs.map((l) => ({ id: r.uuid(), name: l.name, code: l.code, note: null })),
      cost_options: [{ id: r.uuid(), option: null, currency: 'EUR', amount: r.chance(0.9) ? 0 : 5, amount_description: null }],
      required_documents: r.chance(0.5) ? [{ id: r.uuid(), document: 'Αστυνομική ταυτότητα ή διαβατήριο', uri: null }] : [],
      attributes: [attribute(needTerms.get(theme.term)!), attribute(groupTerms.get(group.term)!)],
    });
  }
  return { services, taxonomies: [needs, groups], terms: [...needTerms.values(), ...groupTerms.values()] };
}
