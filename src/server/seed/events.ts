/**
 * Events around "today", so the demo always has something coming up: weekly activities and the mobile unit's
 * monthly village visits as recurring series, one-off seminars and information days, one cancelled, one
 * postponed, one moved online and one moved to a later date. Inside the series: next month's visit to Kastania
 * moved a week later, one homework-club afternoon cancelled, one painting workshop not held (an EXDATE).
 * Registration: open with places left, full, and by link.
 */
import { addDays, addMonths, at, nthWeekdayOfMonth, onOrAfter, type LocalDate } from './dates.ts';
import { VILLAGES } from './organization.ts';
import type { SeedEvent, SeedRegistration } from './types.ts';

const STEPLESS = 'Χώρος χωρίς σκαλοπάτια, προσβάσιμη τουαλέτα. Πείτε μας εκ των προτέρων αν χρειάζεστε διερμηνέα νοηματικής.';
const NO_REGISTRATION: SeedRegistration = { kind: 'none', note: 'Ελεύθερη είσοδος, χωρίς δήλωση συμμετοχής.' };
const BY_PHONE_NOTE = 'Δήλωση συμμετοχής στο 24310 55100 (περιορισμένες θέσεις).';

/** Next month's visit to Kastania is a week late (the unit's yearly vehicle inspection). */
const MOVED_VISIT = 'kastania';

function mobileUnitVisits(today: LocalDate): SeedEvent[] {
  return VILLAGES.map((v) => {
    // The series starts with this month's visit (past or not); the RRULE carries it forward every month.
    const first = nthWeekdayOfMonth(today, v.day, v.week);
    const nextMonth = nthWeekdayOfMonth(addMonths(today, 1), v.day, v.week);
    const weekLater = addDays(nextMonth, 7);
    return {
      key: `evt:mobile-unit:${v.key}`,
      title: `Κινητή μονάδα ${v.locative}`,
      description:
        `Η κινητή μονάδα του Κέντρου Κοινότητας επισκέπτεται το χωριό ${v.name}: ενημέρωση για επιδόματα και ` +
        'προγράμματα, βοήθεια με αιτήσεις (ΚΕΑ, επίδομα θέρμανσης, αναπηρίας), παραπομπές. Χωρίς ραντεβού.',
      category: 'mobile-unit',
      location: `loc:village:${v.key}`,
      programme: 'svc:mobile-unit',
      start: at(first, '09:00'),
      end: at(first, '13:00'),
      rrule: `FREQ=MONTHLY;BYDAY=${v.week}${v.day}`,
      status: 'scheduled',
      accessibility: 'Ισόγειος χώρος. Για επίσκεψη στο σπίτι τηλεφωνήστε στο 24310 55160.',
      registration: { kind: 'none', note: 'Χωρίς ραντεβού.' },
      ...(v.key === MOVED_VISIT
        ? {
          overrides: [{
            occurrence: at(nextMonth, '09:00'),
            start: at(weekLater, '09:00'),
            end: at(weekLater, '13:00'),
            statusNote: 'Η επίσκεψη μεταφέρεται μία εβδομάδα αργότερα λόγω του ετήσιου τεχνικού ελέγχου του οχήματος.',
          }],
        }
        : {}),
    };
  });
}

export function seedEvents(today: LocalDate): SeedEvent[] {
  const in_ = (days: number) => addDays(today, days);
  const weeklyFrom = onOrAfter(addDays(today, -21), 'WE');
  const homeworkFrom = onOrAfter(addDays(today, -21), 'MO');
  const noWorkshop = onOrAfter(in_(14), 'WE');
  const noHomework = onOrAfter(in_(7), 'MO');
  return [
    {
      key: 'evt:children-workshop',
      title: 'Εργαστήρι ζωγραφικής και παραμυθιού για παιδιά',
      description:
        'Κάθε Τετάρτη απόγευμα τα παιδιά 5–8 ετών ακούνε ένα παραμύθι και το ζωγραφίζουν με τους εμψυχωτές του ' +
        'Κέντρου. Τα υλικά τα παρέχουμε εμείς. Οι γονείς μπορούν να περιμένουν στο καφενείο του Πνευματικού Κέντρου.',
      category: 'children',
      location: 'loc:centre',
      programme: 'svc:children-learning',
      start: at(weeklyFrom, '17:00'),
      end: at(weeklyFrom, '18:30'),
      rrule: 'FREQ=WEEKLY;BYDAY=WE',
      status: 'scheduled',
      accessibility: STEPLESS,
      registration: { kind: 'open', capacity: 10, placesLeft: 3, note: 'Εγγραφή από τον γονέα στο Κέντρο· έως 10 παιδιά ανά ομάδα.' },
      // The activity room hosts the municipal blood drive that afternoon.
      exdates: [at(noWorkshop, '17:00')],
    },
    {
      key: 'evt:homework-club',
      title: 'Μελέτη για μαθητές δημοτικού στο Παράρτημα Ρομά',
      description:
        'Βοήθεια στα μαθήματα της επόμενης ημέρας με εκπαιδευτικό και εθελοντές, κάθε Δευτέρα και Πέμπτη. ' +
        'Έμφαση στην ανάγνωση. Ζεστό ρόφημα και κολατσιό για όλα τα παιδιά.',
      category: 'children',
      location: 'loc:roma-branch',
      programme: 'svc:children-learning',
      start: at(homeworkFrom, '16:00'),
      end: at(homeworkFrom, '18:00'),
      rrule: 'FREQ=WEEKLY;BYDAY=MO,TH',
      status: 'scheduled',
      accessibility: 'Ισόγειο με ράμπα.',
      registration: { kind: 'open', note: 'Εγγραφή από τον γονέα στο Παράρτημα.' },
      languages: ['el', 'rom'],
      overrides: [{
        occurrence: at(noHomework, '16:00'),
        status: 'cancelled',
        statusNote: 'Δεν γίνεται μελέτη αυτή τη Δευτέρα: το Παράρτημα είναι κλειστό λόγω εργασιών στο δίκτυο ύδρευσης.',
      }],
    },
    {
      key: 'evt:volunteer-info',
      title: 'Γνωριμία με το Δίκτυο Εθελοντισμού',
      description:
        'Σύντομη ενημέρωση για όσους θέλουν να γίνουν εθελοντές: ποιες δράσεις υπάρχουν, πόσο χρόνο χρειάζονται, ' +
        'τι στήριξη έχουν οι εθελοντές. Στο τέλος μπορείτε να διαλέξετε βάρδια.',
      category: 'volunteering',
      location: 'loc:centre',
      programme: 'svc:volunteer-network',
      start: at(in_(4), '18:00'),
      end: at(in_(4), '19:30'),
      status: 'scheduled',
      accessibility: STEPLESS,
      registration: NO_REGISTRATION,
    },
    {
      key: 'evt:nutrition-seminar',
      title: 'Σεμινάριο: Διατροφή και υγεία στην οικογένεια',
      description:
        'Η διαιτολόγος του Κέντρου Υγείας μιλά για οικονομικά και θρεπτικά γεύματα, τη διατροφή των παιδιών στο ' +
        'σχολείο και την πρόληψη του διαβήτη. Θα μοιραστούν έντυπες συνταγές στα ελληνικά, αγγλικά και αραβικά.',
      category: 'seminar',
      location: 'loc:centre',
      programme: 'svc:health-seminars',
      start: at(in_(6), '18:00'),
      end: at(in_(6), '20:00'),
      status: 'scheduled',
      accessibility: STEPLESS,
      registration: { kind: 'open', capacity: 30, placesLeft: 12, note: BY_PHONE_NOTE },
      languages: ['el', 'en', 'ar'],
    },
    {
      key: 'evt:careers-workshop',
      title: 'Εργαστήρι επαγγελματικού προσανατολισμού για εφήβους',
      description:
        'Τρεις επαγγελματίες της πόλης (ηλεκτρολόγος, νοσηλεύτρια, προγραμματιστής) μιλούν για τη δουλειά τους. ' +
        'Ακολουθεί ενημέρωση για ΕΠΑΛ, ΙΕΚ και μαθητεία.',
      category: 'seminar',
      location: 'loc:centre',
      programme: 'svc:vocational-guidance',
      start: at(in_(8), '12:00'),
      end: at(in_(8), '14:00'),
      status: 'scheduled',
      statusNote: 'Μεταφέρθηκε δύο ημέρες αργότερα, για να μη συμπέσει με τις προαγωγικές εξετάσεις.',
      movedByDays: 2,
      accessibility: STEPLESS,
      registration: {
        kind: 'full', capacity: 25, placesLeft: 0,
        note: 'Δήλωση συμμετοχής μέσω του σχολείου ή στο 24310 55100. Χρειάζεται συναίνεση κηδεμόνα.',
      },
    },
    {
      key: 'evt:kea-info-day',
      title: 'Ημέρα ενημέρωσης για το Ελάχιστο Εγγυημένο Εισόδημα',
      description:
        'Ποιος δικαιούται, πώς γίνεται η αίτηση και η ανανέωση, τι αλλάζει φέτος. Κοινωνικοί λειτουργοί θα ' +
        'απαντούν σε ερωτήσεις και θα κλείνουν ραντεβού για αιτήσεις. Με διερμηνεία στα αραβικά και στα ρομανί.',
      category: 'information-day',
      location: 'loc:centre',
      programme: 'svc:kea',
      start: at(in_(9), '10:00'),
      end: at(in_(9), '13:00'),
      status: 'scheduled',
      accessibility: STEPLESS,
      registration: NO_REGISTRATION,
      languages: ['el', 'ar', 'rom'],
    },
    {
      key: 'evt:housing-info-day',
      title: 'Ενημέρωση για τα επιδόματα στέγασης και θέρμανσης',
      description:
        'Ενημέρωση στο Παράρτημα Ρομά για το επίδομα στέγασης, το επίδομα θέρμανσης και τα προγράμματα ' +
        'ενεργειακής αναβάθμισης κατοικιών, με βοήθεια στη συμπλήρωση των αιτήσεων.',
      category: 'information-day',
      location: 'loc:roma-branch',
      programme: 'svc:kea',
      start: at(in_(11), '10:00'),
      end: at(in_(11), '12:00'),
      status: 'postponed',
      statusNote: 'Αναβάλλεται λόγω καθυστέρησης στο άνοιγμα της πλατφόρμας. Η νέα ημερομηνία θα ανακοινωθεί εδώ.',
      accessibility: 'Ισόγειο με ράμπα.',
      registration: NO_REGISTRATION,
    },
    {
      key: 'evt:first-aid-seminar',
      title: 'Σεμινάριο: Πρώτες βοήθειες για γονείς',
      description:
        'Πρακτικό σεμινάριο με διασώστη του ΕΚΑΒ: πνιγμονή, εγκαύματα, πτώσεις και πότε καλούμε το 166.',
      category: 'seminar',
      location: 'loc:centre',
      programme: 'svc:health-seminars',
      start: at(in_(13), '18:00'),
      end: at(in_(13), '20:00'),
      status: 'cancelled',
      statusNote: 'Ακυρώνεται λόγω κωλύματος του εισηγητή. Όσοι είχαν δηλώσει συμμετοχή θα ενημερωθούν τηλεφωνικά.',
      accessibility: STEPLESS,
      registration: { kind: 'open', capacity: 20, placesLeft: 6, note: BY_PHONE_NOTE },
    },
    {
      key: 'evt:dropout-network-meeting',
      title: 'Συνάντηση του δικτύου κατά της σχολικής διαρροής',
      description:
        'Διευθυντές σχολείων, σχολικοί σύμβουλοι, διαμεσολαβητές Ρομά και το Κέντρο Κοινότητας συζητούν τις ' +
        'παραπομπές του τριμήνου και τις δράσεις στήριξης για την επόμενη σχολική περίοδο.',
      category: 'other',
      location: 'loc:centre',
      programme: 'svc:school-dropout',
      start: at(in_(15), '13:00'),
      end: at(in_(15), '15:00'),
      status: 'scheduled',
      accessibility: STEPLESS,
      registration: { kind: 'open', note: 'Για εκπαιδευτικούς: δήλωση στο kentrokoinotitas@aigeiros.gov.gr.' },
    },
    {
      key: 'evt:rights-seminar',
      title: 'Σεμινάριο: Τα δικαιώματά σου στην εργασία',
      description:
        'Νομικός σύμβουλος της Περιφέρειας εξηγεί συμβάσεις, ένσημα, άδειες και τι κάνουμε όταν δεν πληρωνόμαστε. ' +
        'Ερωτήσεις ανώνυμα μέσω της συνομιλίας.',
      category: 'seminar',
      location: 'loc:centre',
      programme: 'svc:employment',
      start: at(in_(20), '18:00'),
      end: at(in_(20), '19:30'),
      status: 'moved-online',
      statusNote: 'Γίνεται διαδικτυακά. Ο σύνδεσμος θα σταλεί σε όσους δηλώσουν συμμετοχή.',
      registration: {
        kind: 'link',
        url: 'https://www.aigeiros.gov.gr/kentro-koinotitas/dilosi-symmetochis/dikaiomata-stin-ergasia',
        note: 'Δήλωση συμμετοχής στη φόρμα του Δήμου ή στο 24310 55100.',
      },
    },
    {
      key: 'evt:neighbourhood-festival',
      title: 'Γιορτή γειτονιάς: Μουσικές του κόσμου',
      description:
        'Μουσική, χορός και φαγητά από την Ελλάδα, τη Συρία, το Αφγανιστάν, την Αλβανία και την παράδοση των Ρομά. ' +
        'Παιχνίδια για παιδιά στην αυλή. Η γιορτή οργανώνεται με το Δίκτυο Εθελοντισμού.',
      category: 'community',
      location: 'loc:centre',
      programme: 'svc:inclusion',
      start: at(in_(24), '18:00'),
      end: at(in_(24), '21:00'),
      status: 'scheduled',
      accessibility: 'Στην αυλή του Πνευματικού Κέντρου, επίπεδο δάπεδο, καθίσματα για ηλικιωμένους.',
      registration: NO_REGISTRATION,
    },
    ...mobileUnitVisits(today),
  ];
}
