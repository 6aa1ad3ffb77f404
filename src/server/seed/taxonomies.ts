/**
 * The directory's two taxonomies: what a person needs, and whom a programme is for. Programmes name their needs
 * explicitly; their target groups follow from their `audiences` through AUDIENCE_GROUPS.
 */
import type { SeedTaxonomy } from './types.ts';

export const NEEDS: SeedTaxonomy = {
  key: 'tax:needs',
  name: 'Ανάγκες',
  description: 'Τι χρειάζεστε: η ανάγκη που καλύπτει κάθε πρόγραμμα και υπηρεσία του Κέντρου Κοινότητας.',
  version: '1',
  linkType: 'need',
  terms: [
    {
      key: 'need:benefits', code: 'benefits', name: 'Οικονομική ενίσχυση και επιδόματα',
      description: 'Επιδόματα, Ελάχιστο Εγγυημένο Εισόδημα, έκτακτη οικονομική ενίσχυση και παροχές σε είδος.',
      children: [
        {
          key: 'need:benefits:gmi', code: 'benefits.gmi', name: 'Ελάχιστο Εγγυημένο Εισόδημα (ΚΕΑ)',
          description: 'Αίτηση, ανανέωση και ένσταση για το Ελάχιστο Εγγυημένο Εισόδημα, το πρώην Κοινωνικό Επίδομα Αλληλεγγύης.',
        },
        {
          key: 'need:benefits:allowances', code: 'benefits.allowances', name: 'Επιδόματα',
          description: 'Επίδομα παιδιού, στέγασης, θέρμανσης, αναπηρίας και τα άλλα επιδόματα του ΟΠΕΚΑ και του Δήμου.',
        },
        {
          key: 'need:benefits:in-kind', code: 'benefits.in-kind', name: 'Τρόφιμα και είδη πρώτης ανάγκης',
          description: 'Κοινωνικό Παντοπωλείο, Κοινωνικό Φαρμακείο και διανομές τροφίμων και ειδών πρώτης ανάγκης.',
        },
      ],
    },
    {
      key: 'need:housing', code: 'housing', name: 'Στέγαση',
      description: 'Επίδομα στέγασης, φιλοξενία σε δομές και στήριξη όταν κινδυνεύετε να μείνετε χωρίς σπίτι.',
    },
    {
      key: 'need:employment', code: 'employment', name: 'Εργασία',
      description: 'Αναζήτηση εργασίας, κατάρτιση και επιλογή επαγγέλματος.',
      children: [
        {
          key: 'need:employment:jobs', code: 'employment.jobs', name: 'Αναζήτηση εργασίας',
          description: 'Βιογραφικό, εγγραφή στη ΔΥΠΑ, αγγελίες, προγράμματα κατάρτισης και προετοιμασία για συνέντευξη.',
        },
        {
          key: 'need:employment:guidance', code: 'employment.guidance', name: 'Επαγγελματικός προσανατολισμός',
          description: 'Βοήθεια στους εφήβους να διαλέξουν σπουδές και επάγγελμα.',
        },
      ],
    },
    {
      key: 'need:psychosocial', code: 'psychosocial', name: 'Ψυχοκοινωνική υποστήριξη',
      description: 'Συμβουλευτική και στήριξη για παιδιά, ενήλικες και οικογένειες σε δύσκολες περιόδους.',
    },
    {
      key: 'need:children', code: 'children', name: 'Παιδιά και εκπαίδευση',
      description: 'Μελέτη, δημιουργική απασχόληση και στήριξη των παιδιών για να μη χάσουν το σχολείο.',
      children: [
        {
          key: 'need:children:learning', code: 'children.learning', name: 'Μαθησιακή υποστήριξη',
          description: 'Βοήθεια στα μαθήματα, με έμφαση στην ανάγνωση και στα μαθηματικά, σε μικρές ομάδες.',
        },
        {
          key: 'need:children:creative', code: 'children.creative', name: 'Δημιουργική απασχόληση',
          description: 'Εργαστήρια ζωγραφικής, θεάτρου, μουσικής και αθλητισμού για παιδιά.',
        },
        {
          key: 'need:children:dropout', code: 'children.dropout', name: 'Πρόληψη της σχολικής διαρροής',
          description: 'Στήριξη μαθητών που απουσιάζουν συχνά ή κινδυνεύουν να σταματήσουν το σχολείο, και των οικογενειών τους.',
        },
      ],
    },
    {
      key: 'need:health', code: 'health', name: 'Υγεία',
      description: 'Πρόληψη, ενημέρωση για την υγεία και σύνδεση με τις υπηρεσίες υγείας της περιοχής.',
    },
    {
      key: 'need:legal', code: 'legal', name: 'Νομική βοήθεια',
      description: 'Ενημέρωση για τα δικαιώματά σας και σύνδεση με δωρεάν νομική συμβουλευτική.',
    },
    {
      key: 'need:volunteering', code: 'volunteering', name: 'Εθελοντισμός',
      description: 'Προσφέρετε λίγες ώρες τον μήνα στο Δίκτυο Εθελοντισμού του Δήμου.',
    },
    {
      key: 'need:information', code: 'information', name: 'Ενημέρωση και διασύνδεση',
      description: 'Πληροφορίες για προγράμματα και παροχές, και σύνδεση με την κατάλληλη υπηρεσία.',
      children: [
        {
          key: 'need:information:referral', code: 'information.referral', name: 'Παραπομπή σε υπηρεσίες',
          description: 'Σας συστήνουμε στη σωστή υπηρεσία της περιοχής και παρακολουθούμε την παραπομπή.',
        },
      ],
    },
    {
      key: 'need:community', code: 'community', name: 'Κοινωνική ένταξη και εκδηλώσεις',
      description: 'Εκδηλώσεις και δράσεις που φέρνουν κοντά τους κατοίκους και βοηθούν όσους νιώθουν αποκλεισμένοι.',
    },
  ],
};

export const TARGET_GROUPS: SeedTaxonomy = {
  key: 'tax:groups',
  name: 'Ομάδες-στόχος',
  description: 'Σε ποιους απευθύνεται κάθε πρόγραμμα. Τα περισσότερα προγράμματα είναι ανοιχτά και σε όλους τους κατοίκους.',
  version: '1',
  linkType: 'audience',
  terms: [
    { key: 'group:families', code: 'families', name: 'Οικογένειες με παιδιά', description: 'Γονείς και κηδεμόνες με ανήλικα παιδιά, και μονογονεϊκές οικογένειες.' },
    {
      key: 'group:gmi', code: 'gmi-beneficiaries', name: 'Ωφελούμενοι ΚΕΑ',
      description: 'Ωφελούμενοι του Ελάχιστου Εγγυημένου Εισοδήματος (πρώην ΚΕΑ) και τα μέλη του νοικοκυριού τους.',
    },
    { key: 'group:roma', code: 'roma', name: 'Ρομά', description: 'Οικογένειες Ρομά, με διαμεσολαβητές που μιλούν ρομανί.' },
    { key: 'group:migrants', code: 'migrants-refugees', name: 'Μετανάστες και πρόσφυγες', description: 'Μετανάστες, πρόσφυγες και αιτούντες άσυλο που ζουν στον Δήμο.' },
    { key: 'group:disability', code: 'disability', name: 'ΑμεΑ', description: 'Άτομα με αναπηρία και οι οικογένειές τους.' },
    { key: 'group:homeless', code: 'homeless', name: 'Άστεγοι', description: 'Όσοι ζουν στον δρόμο, σε πρόχειρη στέγη ή κινδυνεύουν να χάσουν το σπίτι τους.' },
    { key: 'group:older', code: 'older-people', name: 'Ηλικιωμένοι', description: 'Άτομα άνω των 65, ιδίως όσοι ζουν μόνοι ή στα χωριά.' },
    {
      key: 'group:young', code: 'young-people', name: 'Νέοι', description: 'Παιδιά, έφηβοι και νέοι έως 29 ετών.',
      children: [
        { key: 'group:children', code: 'young-people.children', name: 'Παιδιά', description: 'Παιδιά προσχολικής ηλικίας και μαθητές δημοτικού.' },
        { key: 'group:teenagers', code: 'young-people.teenagers', name: 'Έφηβοι', description: 'Μαθητές γυμνασίου και λυκείου, 12 έως 18 ετών.' },
      ],
    },
    { key: 'group:unemployed', code: 'unemployed', name: 'Άνεργοι', description: 'Άνεργοι και άνεργες, εγγεγραμμένοι ή όχι στη ΔΥΠΑ.' },
    { key: 'group:schools', code: 'schools', name: 'Σχολεία και εκπαιδευτικοί', description: 'Διευθυντές, εκπαιδευτικοί και σχολικοί σύμβουλοι που συνεργάζονται με το Κέντρο.' },
  ],
};

export const TAXONOMIES: readonly SeedTaxonomy[] = [NEEDS, TARGET_GROUPS];

/** Programme `audiences` → target-group term. Audiences without a term (e.g. adults in general) link to none. */
export const AUDIENCE_GROUPS: Readonly<Record<string, string>> = {
  families: 'group:families',
  'kea-beneficiaries': 'group:gmi',
  roma: 'group:roma',
  'migrants-refugees': 'group:migrants',
  disability: 'group:disability',
  homeless: 'group:homeless',
  'older-people': 'group:older',
  children: 'group:children',
  teenagers: 'group:teenagers',
  unemployed: 'group:unemployed',
  schools: 'group:schools',
};
