/** Greek: The events calendar. */
import type { Translation } from '../translation.ts';

export default {
  events: {
    viewList: 'Λίστα', viewMonth: 'Μήνας', viewWeek: 'Εβδομάδα', views: 'Προβολή ημερολογίου', today: 'Σήμερα', prev: 'Προηγούμενο', next: 'Επόμενο',
    previousPeriod: 'Προηγούμενη περίοδος', nextPeriod: 'Επόμενη περίοδος', viewHint: 'Προβολή: $0', navLinkHint: 'Μετάβαση σε: $0',
    moreLinkHint: { one: 'Εμφάνιση 1 ακόμη εκδήλωσης', other: 'Εμφάνιση {count} ακόμη εκδηλώσεων' }, noEvents: 'Δεν υπάρχουν εκδηλώσεις σε αυτό το διάστημα',
    allDay: 'Ολοήμερο', close: 'Κλείσιμο', eventsHint: 'Εκδηλώσεις',
    category: 'Είδος εκδήλωσης', village: 'Χωριό ή τόπος', any: 'Όλα', loadError: 'Δεν μπορέσαμε να φορτώσουμε τις εκδηλώσεις.', filters: 'Φιλτράρισμα εκδηλώσεων',
    catSeminar: 'Σεμινάριο', catChildren: 'Δραστηριότητα για παιδιά', catInformationDay: 'Ημέρα ενημέρωσης', catMobileUnit: 'Επίσκεψη κινητής μονάδας',
    catVolunteering: 'Εθελοντισμός', catCommunity: 'Εκδήλωση γειτονιάς', catOther: 'Άλλο',
    statusScheduled: 'Προγραμματισμένη', statusCancelled: 'Ακυρώθηκε', statusPostponed: 'Αναβλήθηκε', statusMovedOnline: 'Γίνεται διαδικτυακά',
    when: 'Πότε', where: 'Πού', accessibility: 'Προσβασιμότητα', registration: 'Συμμετοχή', languages: 'Γλώσσες',
    originally: 'Αρχικά προγραμματισμένη για {date}',
    regNone: 'Δεν χρειάζεται δήλωση συμμετοχής', regOpen: 'Ανοιχτές δηλώσεις συμμετοχής', regFull: 'Πλήρης: δεν υπάρχουν θέσεις', regLink: 'Δήλωση συμμετοχής online',
    placesLeft: { zero: 'Δεν υπάρχουν θέσεις', one: 'Απομένει 1 θέση', other: 'Απομένουν {count} θέσεις' },
    addToCalendar: 'Προσθήκη στο ημερολόγιό μου', downloadIcs: 'Λήψη (.ics)', google: 'Google Calendar', outlook: 'Outlook', subscribe: 'Συνδρομή σε αυτό το ημερολόγιο',
    nextVisitTitle: 'Πότε έρχεται η κινητή μονάδα στο χωριό μου;', nextVisitLabel: 'Το χωριό μου',
    nextVisit: 'Η κινητή μονάδα έρχεται: {village}, {date}, {time} ({relative}).', noNextVisit: 'Δεν έχει προγραμματιστεί επίσκεψη ({village}) τους επόμενους τρεις μήνες.',
    timed: 'Ώρες',
    feedError: 'Το άλλο ημερολόγιο του Δήμου δεν μπόρεσε να διαβαστεί αυτή τη στιγμή, οπότε οι εκδηλώσεις του λείπουν. Εμφανίζονται οι εκδηλώσεις του Κέντρου.',
    repeats: 'Επαναλαμβάνεται',
  },
} satisfies Pick<Translation, 'events'>;
