/** Opportunities of the Volunteer Network (Δίκτυο Εθελοντισμού) with shifts in the coming weeks. */
import { addDays, at, nthWeekdayOfMonth, onOrAfter, addMonths, type LocalDate } from './dates.ts';
import { VILLAGES } from './organization.ts';
import type { SeedOpportunity, SeedShift } from './types.ts';

const weekly = (first: LocalDate, count: number, from: string, to: string, capacity: number, filled: (i: number) => number): SeedShift[] =>
  Array.from({ length: count }, (_, i) => {
    const day = addDays(first, 7 * i);
    return { start: at(day, from), end: at(day, to), capacity, filled: filled(i) };
  });

export function seedOpportunities(today: LocalDate): SeedOpportunity[] {
  const nextWednesday = onOrAfter(addDays(today, 1), 'WE');
  const nextSaturday = onOrAfter(addDays(today, 1), 'SA');
  const nextTuesday = onOrAfter(addDays(today, 2), 'TU');
  const firstVillage = VILLAGES[0]!;
  const nextMonth = addMonths(today, 1);
  const visitNextMonth = nthWeekdayOfMonth(nextMonth, firstVillage.day, firstVillage.week);
  const festival = addDays(today, 24);
  return [
    {
      key: 'vol:homework',
      role: 'Μελέτη και δημιουργική απασχόληση με παιδιά',
      description:
        'Βοηθάτε παιδιά δημοτικού στα μαθήματά τους και στο εργαστήρι της Τετάρτης, δίπλα σε εκπαιδευτικό του ' +
        'Κέντρου. Δεν χρειάζεται να είστε εκπαιδευτικός· χρειάζεται υπομονή και συνέπεια.',
      skills: ['Υπομονή με παιδιά', 'Καλή γνώση ελληνικών', 'Βασικά μαθηματικά δημοτικού'],
      requirements: 'Δέσμευση για τουλάχιστον τέσσερις βάρδιες. Πιστοποιητικό ποινικού μητρώου (το ζητά το Κέντρο με εξουσιοδότησή σας).',
      minAge: 18,
      location: 'loc:centre',
      shifts: weekly(nextWednesday, 4, '16:30', '18:30', 4, (i) => (i === 0 ? 2 : 0)),
    },
    {
      key: 'vol:food-bank',
      role: 'Διανομή στο Κοινωνικό Παντοπωλείο',
      description:
        'Ταξινόμηση τροφίμων και ειδών πρώτης ανάγκης και διανομή τους σε οικογένειες ωφελούμενων, με διακριτικότητα ' +
        'και σεβασμό. Η βάρδια ξεκινά με σύντομη ενημέρωση από την υπεύθυνη.',
      skills: ['Ομαδικότητα', 'Διακριτικότητα', 'Σωματική αντοχή (μεταφορά κιβωτίων έως 10 κιλά)'],
      requirements: 'Κλειστά παπούτσια. Τα προσωπικά στοιχεία των ωφελούμενων είναι απόρρητα.',
      // Age bands distinguish 15, 18 and 21 only: a minimum of 16 could not be checked.
      minAge: 18,
      location: 'loc:centre',
      // The first Saturday is nearly full: one place left.
      shifts: weekly(nextSaturday, 3, '09:00', '13:00', 8, (i) => [7, 3, 0][i] ?? 0),
    },
    {
      key: 'vol:mobile-unit',
      role: 'Συνοδεία της κινητής μονάδας στα χωριά',
      description:
        'Συνοδεύετε την ομάδα της κινητής μονάδας στην επίσκεψη ενός χωριού: υποδέχεστε τους κατοίκους, βοηθάτε ' +
        'ηλικιωμένους να συμπληρώσουν έντυπα και κρατάτε τη σειρά προτεραιότητας.',
      skills: ['Επικοινωνία με ηλικιωμένους', 'Οργάνωση'],
      requirements: 'Διαθεσιμότητα 08:30–13:30 την ημέρα της επίσκεψης. Η μεταφορά γίνεται με το όχημα του Κέντρου.',
      minAge: 21,
      location: `loc:village:${firstVillage.key}`,
      shifts: [{ start: at(visitNextMonth, '08:30'), end: at(visitNextMonth, '13:30'), capacity: 2, filled: 0 }],
    },
    {
      key: 'vol:interpreting',
      role: 'Διερμηνεία και πολιτισμική διαμεσολάβηση',
      description:
        'Βοηθάτε στην επικοινωνία ανάμεσα στους κοινωνικούς λειτουργούς και σε πολίτες που δεν μιλούν ελληνικά, ' +
        'σε ραντεβού στο Κέντρο. Ιδιαίτερα χρειαζόμαστε αραβικά, φαρσί, ρομανί και ουκρανικά.',
      skills: ['Άριστη γνώση αραβικών, φαρσί, ρομανί ή ουκρανικών', 'Καλή γνώση ελληνικών', 'Εχεμύθεια'],
      requirements: 'Υπογραφή δήλωσης εμπιστευτικότητας. Μία σύντομη εκπαίδευση πριν από την πρώτη βάρδια.',
      minAge: 18,
      location: 'loc:centre',
      shifts: weekly(nextTuesday, 3, '09:00', '12:00', 3, (i) => (i === 1 ? 1 : 0)),
    },
    {
      key: 'vol:festival',
      role: 'Οργάνωση της γιορτής γειτονιάς',
      description:
        'Στήσιμο της αυλής, υποδοχή επισκεπτών, παιχνίδια για παιδιά και τακτοποίηση στο τέλος της γιορτής ' +
        '«Μουσικές του κόσμου». Ιδανικό για πρώτη γνωριμία με το Δίκτυο Εθελοντισμού.',
      skills: ['Διάθεση για δουλειά σε ομάδα'],
      requirements: 'Έφηβοι 15–17 ετών συμμετέχουν με συναίνεση κηδεμόνα.',
      minAge: 15,
      location: 'loc:centre',
      shifts: [
        { start: at(festival, '16:00'), end: at(festival, '19:00'), capacity: 12, filled: 4 },
        { start: at(festival, '19:00'), end: at(festival, '22:00'), capacity: 8, filled: 1 },
      ],
    },
  ];
}
