/**
 * The demo municipality's Community Centre, modelled on Trikala (a Roma branch) and Kalamata (a mobile unit on a
 * fixed monthly round of villages). The municipality and every address and number are fictional.
 */
import type { SeedLocation, SeedOrganization, SeedSchedule } from './types.ts';

export const ORGANIZATION: SeedOrganization = {
  key: 'org:kentro',
  name: 'Κέντρο Κοινότητας Δήμου Αιγείρου',
  alternateName: 'Community Centre of the Municipality of Aigeiros',
  description:
    'Το Κέντρο Κοινότητας του Δήμου Αιγείρου (ν. 4368/2016) είναι το σημείο αναφοράς του Δήμου για κάθε κοινωνικό ' +
    'πρόγραμμα και υπηρεσία της περιοχής. Υποδέχεται, ενημερώνει, εξυπηρετεί και διασυνδέει τους πολίτες με τα ' +
    'προγράμματα πρόνοιας, τα επιδόματα και τις δομές του Δήμου και της Περιφέρειας. Λειτουργεί με Παράρτημα Ρομά ' +
    'και με κινητή μονάδα που επισκέπτεται τα χωριά του Δήμου με σταθερό μηνιαίο πρόγραμμα. Συγχρηματοδοτείται από ' +
    'το Ευρωπαϊκό Κοινωνικό Ταμείο+ μέσω του Περιφερειακού Προγράμματος Θεσσαλίας. Όλες οι υπηρεσίες είναι δωρεάν.',
  email: 'kentrokoinotitas@aigeiros.gov.gr',
  website: 'https://www.aigeiros.gov.gr/kentro-koinotitas',
  phone: '+30 24310 55100',
};

/** Contact details the demo page repeats in its footer and fallbacks. */
export const CENTRE_CONTACT = {
  municipality: { el: 'Δήμος Αιγείρου', en: 'Municipality of Aigeiros', ar: 'بلدية أيغيروس' },
  address: 'Ασκληπιού 12, 421 50 Αίγειρος',
  addressLatin: 'Asklipiou 12, 421 50 Aigeiros, Greece',
  phone: '24310 55100',
  phoneHref: '+302431055100',
  email: ORGANIZATION.email,
} as const;

export const CENTRE_HOURS: readonly SeedSchedule[] = [
  { freq: 'WEEKLY', byday: ['MO', 'TU', 'WE', 'TH', 'FR'], opens: '08:00', closes: '15:00', description: 'Δευτέρα έως Παρασκευή, 08:00–15:00' },
  { freq: 'WEEKLY', byday: ['WE'], opens: '17:00', closes: '19:00', description: 'Απογευματινή λειτουργία κάθε Τετάρτη, 17:00–19:00' },
];

export const BRANCH_HOURS: readonly SeedSchedule[] = [
  { freq: 'WEEKLY', byday: ['MO', 'TU', 'TH'], opens: '09:00', closes: '14:00', description: 'Δευτέρα, Τρίτη και Πέμπτη, 09:00–14:00' },
  { freq: 'WEEKLY', byday: ['MO', 'TH'], opens: '16:00', closes: '18:00', description: 'Μελέτη παιδιών Δευτέρα και Πέμπτη, 16:00–18:00' },
];

const REGION = 'Θεσσαλία';
/** The regional unit (περιφερειακή ενότητα) of the fictional municipality: postcodes 421xx are Trikala's. */
const STATE_PROVINCE = 'Τρίκαλα';
const ACCESS_STEPLESS = 'Είσοδος χωρίς σκαλοπάτια, προσβάσιμη τουαλέτα, θέσεις στάθμευσης ΑμεΑ μπροστά στο κτίριο.';

export const CENTRE: SeedLocation = {
  key: 'loc:centre',
  kind: 'centre',
  hours: CENTRE_HOURS,
  name: 'Κέντρο Κοινότητας Δήμου Αιγείρου',
  alternateName: 'Κεντρική δομή',
  description: 'Ισόγειο του Πνευματικού Κέντρου, δίπλα στο Δημαρχείο. Γραφεία υποδοχής, αίθουσα δραστηριοτήτων και αίθουσα σεμιναρίων.',
  address1: 'Ασκληπιού 12',
  city: 'Αίγειρος',
  region: REGION,
  stateProvince: STATE_PROVINCE,
  postalCode: '421 50',
  latitude: 39.5552,
  longitude: 21.7681,
  phone: ORGANIZATION.phone,
  email: ORGANIZATION.email,
  accessibility: `${ACCESS_STEPLESS} Επαγωγικός βρόχος στο γραφείο υποδοχής. Σκύλοι-οδηγοί ευπρόσδεκτοι.`,
  transport: 'Αστικό λεωφορείο γραμμές 1 και 4, στάση «Δημαρχείο» (50 μ.). Θέσεις για ποδήλατα στην είσοδο.',
};

export const ROMA_BRANCH: SeedLocation = {
  key: 'loc:roma-branch',
  kind: 'branch',
  hours: BRANCH_HOURS,
  name: 'Παράρτημα Ρομά του Κέντρου Κοινότητας',
  alternateName: 'Παράρτημα Ρομά',
  description:
    'Λειτουργεί στη συνοικία Αγίου Γεωργίου σε συνεργασία με το Κέντρο Στήριξης Ρομά και Ευπαθών Ομάδων. ' +
    'Εξυπηρετεί με διαμεσολαβητές που μιλούν ρομανί.',
  address1: 'Ρήγα Φεραίου 48',
  city: 'Αίγειρος',
  region: REGION,
  stateProvince: STATE_PROVINCE,
  postalCode: '421 52',
  latitude: 39.5487,
  longitude: 21.7812,
  phone: '+30 24310 55140',
  email: 'parartima.roma@aigeiros.gov.gr',
  accessibility: 'Ράμπα στην είσοδο, όλοι οι χώροι στο ισόγειο. Δεν υπάρχει WC ΑμεΑ: αν το χρειάζεστε, θα σας εξυπηρετήσουμε στην κεντρική δομή.',
  transport: 'Αστικό λεωφορείο γραμμή 3, στάση «Άγιος Γεώργιος» (100 μ.).',
};

interface Village {
  key: string;
  name: string;
  /** 'στην Καστανιά': the name with its preposition and article. */
  locative: string;
  place: string;
  postalCode: string;
  latitude: number;
  longitude: number;
  day: 'TU' | 'TH';
  week: number;
  ordinal: string;
  dayName: string;
}

/** The villages of the mobile unit's monthly round: one morning a month each. */
export const VILLAGES: readonly Village[] = [
  { key: 'kastania', name: 'Καστανιά', locative: 'στην Καστανιά', place: 'Κοινοτικό Κατάστημα, Πλατεία Καστανιάς', postalCode: '421 00', latitude: 39.6171, longitude: 21.6893, day: 'TU', week: 1, ordinal: 'Πρώτη', dayName: 'Τρίτη' },
  { key: 'lithochori', name: 'Λιθοχώρι', locative: 'στο Λιθοχώρι', place: 'Πολιτιστικός Σύλλογος, Κεντρική Πλατεία', postalCode: '421 00', latitude: 39.5893, longitude: 21.6412, day: 'TH', week: 1, ordinal: 'Πρώτη', dayName: 'Πέμπτη' },
  { key: 'platanos', name: 'Πλάτανος', locative: 'στον Πλάτανο', place: 'Παλαιό Δημοτικό Σχολείο Πλατάνου', postalCode: '421 00', latitude: 39.5218, longitude: 21.6935, day: 'TU', week: 2, ordinal: 'Δεύτερη', dayName: 'Τρίτη' },
  { key: 'milia', name: 'Μηλιά', locative: 'στη Μηλιά', place: 'Κοινοτικό Ιατρείο Μηλιάς (αίθουσα αναμονής)', postalCode: '421 00', latitude: 39.4968, longitude: 21.8244, day: 'TH', week: 2, ordinal: 'Δεύτερη', dayName: 'Πέμπτη' },
  { key: 'rodia', name: 'Ροδιά', locative: 'στη Ροδιά', place: 'Κοινοτικό Κατάστημα Ροδιάς', postalCode: '421 00', latitude: 39.6327, longitude: 21.8431, day: 'TU', week: 3, ordinal: 'Τρίτη', dayName: 'Τρίτη' },
];

export const villageSchedule = (v: Village): SeedSchedule => ({
  freq: 'MONTHLY',
  byday: [v.day],
  bysetpos: v.week,
  opens: '09:00',
  closes: '13:00',
  description: `${v.ordinal} ${v.dayName} κάθε μήνα, 09:00–13:00`,
});

export const villageLocation = (v: Village): SeedLocation => ({
  key: `loc:village:${v.key}`,
  kind: 'mobile-stop',
  hours: [villageSchedule(v)],
  name: `Στάση κινητής μονάδας: ${v.name}`,
  alternateName: v.name,
  description: `Η κινητή μονάδα του Κέντρου Κοινότητας βρίσκεται εδώ κάθε ${v.ordinal.toLowerCase()} ${v.dayName} του μήνα, 09:00–13:00.`,
  address1: v.place,
  city: v.name,
  region: REGION,
  stateProvince: STATE_PROVINCE,
  postalCode: v.postalCode,
  latitude: v.latitude,
  longitude: v.longitude,
  phone: '+30 24310 55160',
  accessibility: 'Ισόγειος χώρος. Αν δυσκολεύεστε να έρθετε, τηλεφωνήστε μας: η ομάδα μπορεί να σας επισκεφθεί στο σπίτι.',
  transport: 'Υπεραστικό ΚΤΕΛ από την Αίγειρο. Η κινητή μονάδα σταθμεύει μπροστά στο κτίριο.',
});

export const LOCATIONS: readonly SeedLocation[] = [CENTRE, ROMA_BRANCH, ...VILLAGES.map(villageLocation)];
