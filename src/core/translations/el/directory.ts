/** Greek: The programme directory and opening hours in words. */
import type { Translation } from '../translation.ts';

export default {
  hours: {
    daily: 'Κάθε μέρα, {from}–{to}', weekly: '{days}, {from}–{to}', monthly: '{ordinal} {day} κάθε μήνα, {from}–{to}',
    range: '{from}–{to}',
    ordinal1: '1η', ordinal2: '2η', ordinal3: '3η', ordinal4: '4η', ordinalLast: 'Τελευταία',
    ordinal1Neuter: '1ο', ordinal2Neuter: '2ο', ordinal3Neuter: '3ο', ordinal4Neuter: '4ο', ordinalLastNeuter: 'Τελευταίο',
    openNow: 'Ανοιχτά τώρα, έως τις {time}', closedNext: 'Κλειστά τώρα. Ανοίγει {date} στις {time}',
    closedToday: 'Κλειστά τώρα. Ανοίγει σήμερα στις {time}', closed: 'Κλειστά τώρα',
  },
  directory: {
    searchLabel: 'Αναζήτηση προγραμμάτων και υπηρεσιών',
    searchHint: 'Για παράδειγμα: παιδιά, επίδομα, στέγαση, εργασία', filters: 'Φιλτράρισμα αποτελεσμάτων',
    any: 'Όλα', location: 'Τόπος', language: 'Γλώσσα εξυπηρέτησης', age: 'Ηλικία', ageHint: 'Η ηλικία του ατόμου που χρειάζεται βοήθεια',
    category: 'Κατηγορία', clearFilters: 'Καθαρισμός φίλτρων',
    results: { zero: 'Δεν βρέθηκαν προγράμματα', one: 'Βρέθηκε 1 πρόγραμμα', other: 'Βρέθηκαν {count} προγράμματα' },
    resultsFor: { zero: 'Δεν βρέθηκαν προγράμματα για «{query}»', one: 'Βρέθηκε 1 πρόγραμμα για «{query}»', other: 'Βρέθηκαν {count} προγράμματα για «{query}»' },
    noResults: 'Κανένα πρόγραμμα δεν ταιριάζει με την αναζήτησή σας', noResultsHint: 'Ελέγξτε την ορθογραφία, γράψτε λιγότερες λέξεις ή καθαρίστε τα φίλτρα. Μπορείτε και να τηλεφωνήσετε στο κέντρο: θα βρούμε μαζί την κατάλληλη υπηρεσία.',
    loadError: 'Δεν μπορέσαμε να φορτώσουμε τα προγράμματα.', backToResults: 'Πίσω στα αποτελέσματα', about: 'Σχετικά με το πρόγραμμα',
    eligibility: 'Σε ποιους απευθύνεται', howToApply: 'Πώς κάνετε αίτηση', documents: 'Δικαιολογητικά', fees: 'Κόστος', free: 'Δωρεάν',
    languages: 'Γλώσσες', interpretation: 'Διερμηνεία', contact: 'Επικοινωνία', email: 'Email',
    website: 'Ιστοσελίδα', locations: 'Πού', address: 'Διεύθυνση', accessibility: 'Προσβασιμότητα', transport: 'Πώς θα έρθετε',
    hours: 'Ώρες λειτουργίας', askForHelp: 'Ζητήστε βοήθεια για αυτό', referPupil: 'Παραπομπή μαθητή', print: 'Εκτύπωση',
    addToList: 'Προσθήκη στη λίστα μου', removeFromList: 'Αφαίρεση από τη λίστα μου',
    myList: { zero: 'Η λίστα μου είναι κενή', one: 'Η λίστα μου (1 πρόγραμμα)', other: 'Η λίστα μου ({count} προγράμματα)' },
    printList: 'Εκτύπωση της λίστας μου', clearList: 'Άδειασμα της λίστας', ages: 'Ηλικίες {min} έως {max}', agesFrom: 'Από {min} ετών',
    agesTo: 'Έως {max} ετών', organisation: 'Φορέας', alert: 'Ανακοίνωση',
    showMore: { one: 'Εμφάνιση 1 ακόμη', other: 'Εμφάνιση {count} ακόμη' },
    notFound: 'Αυτό το πρόγραμμα δεν είναι πια διαθέσιμο.',
  },
} satisfies Pick<Translation, 'hours' | 'directory'>;
