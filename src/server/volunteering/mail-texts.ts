/**
 * Every message of the Volunteer Network, in Greek (the default), English and Arabic: one place for all wording,
 * so a council can read and change what its volunteers receive. Plain, calm language; no personal data beyond
 * what the reader already knows (the guardian sees the volunteer's first name only).
 *
 * A message is: greeting, intro, the details (reference, role, place, shifts with their status, requirements),
 * notes, the personal link, a line about the calendar attachment, and the centre's signature.
 */
import type { MessageLocale } from '../../contract/people.ts';

export type VolunteerMailKind =
  | 'confirmation' | 'waitlisted' | 'awaiting-guardian' | 'guardian-request' | 'guardian-confirmed' | 'guardian-declined'
  | 'hold-released' | 'promoted' | 'reminder' | 'cancelled';

export type ShiftState = 'confirmed' | 'held' | 'waitlisted' | 'cancelled';

export interface ShiftFact {
  /** The shift in words, in the centre's time zone, e.g. "Τετάρτη 2 Δεκεμβρίου 2026, 16:30–18:30". */
  when: string;
  state: ShiftState;
  position?: number;
}

export interface MailFacts {
  /** The reader's name in the greeting (the volunteer's first name, or the guardian's name). */
  greetName: string;
  /** The volunteer's first name. */
  firstName: string;
  reference: string;
  role: string;
  /** The role's description (shown to the guardian). */
  description?: string;
  place?: string;
  requirements?: string;
  /** The name of the centre's time zone in the reader's language. */
  zone: string;
  shifts: ShiftFact[];
  /** The personal link: the volunteer's page, or for the guardian their request. */
  link: string;
  guardianName?: string;
  /** Until when a minor's places are held, in words. */
  holdUntil?: string;
  /** Whether a place in this message waits for the guardian. */
  held?: boolean;
  attachment: boolean;
  centre: { name: string; email?: string; phone?: string };
}

interface KindTexts {
  subject(f: MailFacts): string;
  intro(f: MailFacts): string[];
  notes?(f: MailFacts): string[];
}

interface Phrases {
  hello(name: string): string;
  state: Record<Exclude<ShiftState, 'waitlisted'>, string> & { waitlisted(position?: number): string };
  labels: { reference: string; role: string; place: string; requirements: string; description: string; shifts: string };
  zone(zone: string): string;
  manage(link: string): string;
  guardianLink(link: string, holdUntil: string): string;
  attachment: string;
  signOff: string;
  contact(parts: string): string;
  automatic: string;
  kinds: Record<VolunteerMailKind, KindTexts>;
}

const el: Phrases = {
  hello: (name) => `Γεια σας ${name},`,
  state: {
    confirmed: 'έχετε θέση',
    held: 'η θέση σας κρατιέται μέχρι να συμφωνήσει ο κηδεμόνας σας',
    waitlisted: (n) => (n ? `λίστα αναμονής, σειρά ${n}` : 'λίστα αναμονής'),
    cancelled: 'ακυρώθηκε',
  },
  labels: { reference: 'Αριθμός δήλωσης', role: 'Ρόλος', place: 'Πού', requirements: 'Τι χρειάζεται', description: 'Τι θα κάνει', shifts: 'Βάρδιες' },
  zone: (z) => `Ζώνη ώρας: ${z}.`,
  manage: (link) => `Για να δείτε τις βάρδιές σας ή να ακυρώσετε κάποια, ανοίξτε τον σύνδεσμο:\n${link}\nΟ σύνδεσμος είναι προσωπικός· μην τον προωθήσετε.`,
  guardianLink: (link, until) => `Για να συμφωνήσετε ή να αρνηθείτε, ανοίξτε τον σύνδεσμο:\n${link}\nΚρατάμε τις θέσεις μέχρι ${until}.`,
  attachment: 'Στο συνημμένο αρχείο ημερολογίου (.ics) θα βρείτε τις βάρδιές σας, για να τις προσθέσετε στο ημερολόγιό σας.',
  signOff: 'Σας ευχαριστούμε,',
  contact: (parts) => `Για κάθε ερώτηση: ${parts}`,
  automatic: 'Το μήνυμα στάλθηκε αυτόματα από το Δίκτυο Εθελοντισμού του Κέντρου. Αν δεν σας αφορά, ενημερώστε μας στα παραπάνω στοιχεία.',
  kinds: {
    confirmation: {
      subject: (f) => `Η δήλωσή σας για εθελοντισμό: ${f.role} (${f.reference})`,
      intro: () => ['Σας ευχαριστούμε που δηλώσατε συμμετοχή στο Δίκτυο Εθελοντισμού. Καταγράψαμε τη δήλωσή σας:'],
      notes: () => ['Αν κάτι αλλάξει, ακυρώστε τη βάρδια όσο πιο νωρίς μπορείτε, ώστε να την πάρει κάποιος από τη λίστα αναμονής. Θα σας στείλουμε υπενθύμιση μία ημέρα πριν.'],
    },
    waitlisted: {
      subject: (f) => `Είστε στη λίστα αναμονής: ${f.role} (${f.reference})`,
      intro: () => ['Σας ευχαριστούμε για τη δήλωσή σας. Οι βάρδιες που επιλέξατε είναι προς το παρόν γεμάτες, γι\' αυτό σας γράψαμε στη λίστα αναμονής.'],
      notes: () => ['Αν ελευθερωθεί θέση, θα γίνει αυτόματα δική σας με τη σειρά σας και θα σας ενημερώσουμε με email.'],
    },
    'awaiting-guardian': {
      subject: (f) => `Περιμένουμε τη συγκατάθεση του κηδεμόνα σας: ${f.role} (${f.reference})`,
      intro: (f) => [`Σας ευχαριστούμε για τη δήλωσή σας. Επειδή είστε κάτω των 18, στείλαμε μήνυμα στον κηδεμόνα σας, ${f.guardianName}, για να συμφωνήσει.`],
      notes: (f) => [`Κρατάμε τις θέσεις σας μέχρι ${f.holdUntil}. Αν δεν λάβουμε απάντηση ως τότε, θα δοθούν σε άλλους και θα μπορείτε να δηλώσετε ξανά.`],
    },
    'guardian-request': {
      subject: (f) => `Ζητείται η συγκατάθεσή σας: δήλωση εθελοντισμού του/της ${f.firstName} (${f.reference})`,
      intro: (f) => [
        `Λάβαμε δήλωση εθελοντισμού στο ${f.centre.name} από ${f.firstName}, που σας όρισε ως γονέα ή κηδεμόνα. Επειδή είναι κάτω των 18, η δήλωση ολοκληρώνεται μόνο με τη συγκατάθεσή σας.`,
        'Αυτό δήλωσε:',
      ],
      notes: () => ['Αν δεν γνωρίζετε το πρόσωπο ή πιστεύετε ότι το μήνυμα ήρθε κατά λάθος, δεν χρειάζεται να κάνετε τίποτα: χωρίς τη συγκατάθεσή σας η δήλωση δεν ολοκληρώνεται.'],
    },
    'guardian-confirmed': {
      subject: (f) => `Ο κηδεμόνας σας συμφώνησε: ${f.role} (${f.reference})`,
      intro: () => ['Καλά νέα: ο κηδεμόνας σας συμφώνησε και η δήλωσή σας ολοκληρώθηκε.'],
      notes: () => ['Αν κάτι αλλάξει, ακυρώστε τη βάρδια όσο πιο νωρίς μπορείτε. Θα σας στείλουμε υπενθύμιση μία ημέρα πριν.'],
    },
    'guardian-declined': {
      subject: (f) => `Η δήλωσή σας δεν ολοκληρώθηκε: ${f.role} (${f.reference})`,
      intro: () => ['Ο κηδεμόνας σας δεν συμφώνησε με τη δήλωσή σας, οπότε ακυρώσαμε τις βάρδιές σας.'],
      notes: () => ['Αν θέλετε να το συζητήσουμε ή να βρούμε μαζί έναν άλλον τρόπο να συμμετέχετε, επικοινωνήστε μαζί μας.'],
    },
    'hold-released': {
      subject: (f) => `Οι θέσεις σας δόθηκαν σε άλλους: ${f.role} (${f.reference})`,
      intro: () => ['Δεν λάβαμε εγκαίρως απάντηση από τον κηδεμόνα σας, οπότε δώσαμε τις θέσεις σε άλλους εθελοντές.'],
      notes: () => ['Μπορείτε να δηλώσετε ξανά όποτε θέλετε· πείτε πρώτα στον κηδεμόνα σας ότι θα λάβει μήνυμα από εμάς.'],
    },
    promoted: {
      subject: (f) => `Ελευθερώθηκε θέση για εσάς: ${f.role} (${f.reference})`,
      intro: () => ['Ελευθερώθηκε θέση σε βάρδια για την οποία ήσασταν στη λίστα αναμονής, και είναι πλέον δική σας:'],
      notes: (f) => [
        ...(f.held ? ['Η θέση επιβεβαιώνεται μόλις συμφωνήσει ο κηδεμόνας σας.'] : []),
        'Αν τελικά δεν μπορείτε να έρθετε, ακυρώστε τη βάρδια από τον σύνδεσμο παρακάτω, για να πάει η θέση στον επόμενο της λίστας.',
      ],
    },
    reminder: {
      subject: (f) => `Υπενθύμιση βάρδιας: ${f.role}, ${f.shifts[0]?.when ?? ''}`,
      intro: () => ['Σας θυμίζουμε τη βάρδιά σας:'],
      notes: () => ['Αν δεν μπορείτε να έρθετε, ακυρώστε την τώρα από τον σύνδεσμο παρακάτω, ώστε να προλάβει να έρθει κάποιος άλλος. Σας περιμένουμε!'],
    },
    cancelled: {
      subject: (f) => `Ακύρωση βάρδιας: ${f.role} (${f.reference})`,
      intro: () => ['Ακυρώσαμε, όπως ζητήσατε:'],
      notes: () => ['Σας ευχαριστούμε που μας ενημερώσατε: έτσι η θέση μπορεί να πάει σε κάποιον άλλον.'],
    },
  },
};

const en: Phrases = {
  hello: (name) => `Hello ${name},`,
  state: {
    confirmed: 'you have a place',
    held: 'your place is held until your guardian agrees',
    waitlisted: (n) => (n ? `on the waitlist, number ${n}` : 'on the waitlist'),
    cancelled: 'cancelled',
  },
  labels: { reference: 'Reference', role: 'Role', place: 'Where', requirements: 'What we ask', description: 'What it involves', shifts: 'Shifts' },
  zone: (z) => `Times are in ${z}.`,
  manage: (link) => `To see your shifts or cancel one, open this link:\n${link}\nThe link is personal: please do not forward it.`,
  guardianLink: (link, until) => `To agree or decline, open this link:\n${link}\nWe are holding the places until ${until}.`,
  attachment: 'The attached calendar file (.ics) has your shifts, so you can add them to your calendar.',
  signOff: 'With thanks,',
  contact: (parts) => `Any questions: ${parts}`,
  automatic: 'This message was sent automatically by the centre\'s Volunteer Network. If it is not meant for you, please let us know using the details above.',
  kinds: {
    confirmation: {
      subject: (f) => `Your volunteer signup: ${f.role} (${f.reference})`,
      intro: () => ['Thank you for joining the Volunteer Network. We have recorded your signup:'],
      notes: () => ['If anything changes, please cancel as early as you can so that someone on the waitlist can take your place. We will send you a reminder the day before.'],
    },
    waitlisted: {
      subject: (f) => `You are on the waitlist: ${f.role} (${f.reference})`,
      intro: () => ['Thank you for signing up. The shifts you chose are full for now, so we have put you on the waitlist.'],
      notes: () => ['If a place opens up, it becomes yours automatically, in turn, and we will tell you by email.'],
    },
    'awaiting-guardian': {
      subject: (f) => `Waiting for your guardian to agree: ${f.role} (${f.reference})`,
      intro: (f) => [`Thank you for signing up. As you are under 18, we have written to your guardian, ${f.guardianName}, to ask them to agree.`],
      notes: (f) => [`We are holding your places until ${f.holdUntil}. If we have no answer by then, the places go to others and you can sign up again.`],
    },
    'guardian-request': {
      subject: (f) => `Your consent is needed: a volunteer signup by ${f.firstName} (${f.reference})`,
      intro: (f) => [
        `${f.firstName} has signed up to volunteer with ${f.centre.name} and named you as their parent or guardian. As they are under 18, the signup goes ahead only with your agreement.`,
        'This is what they signed up for:',
      ],
      notes: () => ['If you do not know this person, or think this message reached you by mistake, you need not do anything: without your agreement the signup does not go ahead.'],
    },
    'guardian-confirmed': {
      subject: (f) => `Your guardian agreed: ${f.role} (${f.reference})`,
      intro: () => ['Good news: your guardian agreed, and your signup is complete.'],
      notes: () => ['If anything changes, please cancel as early as you can. We will send you a reminder the day before.'],
    },
    'guardian-declined': {
      subject: (f) => `Your signup did not go ahead: ${f.role} (${f.reference})`,
      intro: () => ['Your guardian did not agree to your signup, so we have cancelled your shifts.'],
      notes: () => ['If you would like to talk it over, or find another way to take part together, please get in touch.'],
    },
    'hold-released': {
      subject: (f) => `Your places have gone to others: ${f.role} (${f.reference})`,
      intro: () => ['We did not hear from your guardian in time, so we have given the places to other volunteers.'],
      notes: () => ['You are welcome to sign up again at any time; let your guardian know first that a message from us is on its way.'],
    },
    promoted: {
      subject: (f) => `A place opened up for you: ${f.role} (${f.reference})`,
      intro: () => ['A place opened up on a shift you were waiting for, and it is now yours:'],
      notes: (f) => [
        ...(f.held ? ['The place is confirmed once your guardian agrees.'] : []),
        'If you cannot come after all, please cancel the shift with the link below so that the place goes to the next person waiting.',
      ],
    },
    reminder: {
      subject: (f) => `Reminder of your shift: ${f.role}, ${f.shifts[0]?.when ?? ''}`,
      intro: () => ['A reminder of your shift:'],
      notes: () => ['If you cannot come, please cancel now with the link below so that someone else still can. We look forward to seeing you!'],
    },
    cancelled: {
      subject: (f) => `Shift cancelled: ${f.role} (${f.reference})`,
      intro: () => ['As you asked, we have cancelled:'],
      notes: () => ['Thank you for letting us know: this way the place can go to someone else.'],
    },
  },
};

const ar: Phrases = {
  hello: (name) => `مرحبًا ${name}،`,
  state: {
    confirmed: 'لديك مكان',
    held: 'مكانك محجوز حتى يوافق وليّ أمرك',
    waitlisted: (n) => (n ? `على قائمة الانتظار، رقم ${n}` : 'على قائمة الانتظار'),
    cancelled: 'أُلغيت',
  },
  labels: { reference: 'رقم الطلب', role: 'الدور', place: 'المكان', requirements: 'المطلوب', description: 'طبيعة العمل', shifts: 'النوبات' },
  zone: (z) => `المنطقة الزمنية: ${z}.`,
  manage: (link) => `لعرض نوباتك أو إلغاء إحداها، افتح هذا الرابط:\n${link}\nهذا الرابط خاص بك، فلا تُرسله إلى أحد.`,
  guardianLink: (link, until) => `للموافقة أو الرفض، افتح هذا الرابط:\n${link}\nنحجز الأماكن حتى ${until}.`,
  attachment: 'أرفقنا ملف تقويم (.ics) فيه نوباتك لتضيفها إلى تقويمك.',
  signOff: 'مع الشكر،',
  contact: (parts) => `لأي استفسار: ${parts}`,
  automatic: 'أُرسلت هذه الرسالة تلقائيًا من شبكة التطوع في المركز. إن لم تكن معنيًّا بها، فيُرجى إبلاغنا عبر البيانات أعلاه.',
  kinds: {
    confirmation: {
      subject: (f) => `طلب التطوع الخاص بك: ${f.role} (${f.reference})`,
      intro: () => ['شكرًا لانضمامك إلى شبكة التطوع. سجّلنا طلبك:'],
      notes: () => ['إن تغيّر شيء، فألغِ النوبة في أقرب وقت ممكن ليأخذ مكانك أحدُ المنتظرين. سنرسل إليك تذكيرًا قبل يوم واحد.'],
    },
    waitlisted: {
      subject: (f) => `أنت على قائمة الانتظار: ${f.role} (${f.reference})`,
      intro: () => ['شكرًا على طلبك. النوبات التي اخترتها ممتلئة حاليًا، لذا أضفناك إلى قائمة الانتظار.'],
      notes: () => ['إذا شغر مكان، فسيصبح لك تلقائيًا حسب دورك، وسنخبرك بالبريد الإلكتروني.'],
    },
    'awaiting-guardian': {
      subject: (f) => `ننتظر موافقة وليّ أمرك: ${f.role} (${f.reference})`,
      intro: (f) => [`شكرًا على طلبك. لأن عمرك أقل من 18 عامًا، راسلنا وليّ أمرك، ${f.guardianName}، ليوافق على مشاركتك.`],
      notes: (f) => [`نحجز لك الأماكن حتى ${f.holdUntil}. إن لم يصلنا ردّ حتى ذلك الوقت، فستُمنح الأماكن لغيرك ويمكنك التسجيل من جديد.`],
    },
    'guardian-request': {
      subject: (f) => `مطلوب موافقتك: طلب تطوع من ${f.firstName} (${f.reference})`,
      intro: (f) => [
        `وصلنا طلب تطوع لدى ${f.centre.name} من ${f.firstName}، وقد ذُكرتَ فيه وليًّا للأمر. ولأن مقدّم الطلب دون 18 عامًا، لا يكتمل الطلب إلا بموافقتك.`,
        'هذا ما اختاره:',
      ],
      notes: () => ['إن كنت لا تعرف هذا الشخص أو تظن أن الرسالة وصلتك خطأً، فلا داعي لفعل شيء: لن يكتمل الطلب دون موافقتك.'],
    },
    'guardian-confirmed': {
      subject: (f) => `وافق وليّ أمرك: ${f.role} (${f.reference})`,
      intro: () => ['أخبار سارة: وافق وليّ أمرك، واكتمل طلبك.'],
      notes: () => ['إن تغيّر شيء، فألغِ النوبة في أقرب وقت ممكن. سنرسل إليك تذكيرًا قبل يوم واحد.'],
    },
    'guardian-declined': {
      subject: (f) => `لم يكتمل طلبك: ${f.role} (${f.reference})`,
      intro: () => ['لم يوافق وليّ أمرك على طلبك، لذا ألغينا نوباتك.'],
      notes: () => ['إن أردت أن نتحدث في الأمر أو أن نبحث معًا عن طريقة أخرى للمشاركة، فتواصل معنا.'],
    },
    'hold-released': {
      subject: (f) => `مُنحت أماكنك لغيرك: ${f.role} (${f.reference})`,
      intro: () => ['لم يصلنا ردّ من وليّ أمرك في الوقت المحدد، لذا منحنا الأماكن لمتطوعين آخرين.'],
      notes: () => ['يمكنك التسجيل من جديد متى شئت؛ أخبر وليّ أمرك مسبقًا بأن رسالة منا ستصله.'],
    },
    promoted: {
      subject: (f) => `شغر مكان لك: ${f.role} (${f.reference})`,
      intro: () => ['شغر مكان في نوبة كنت على قائمة انتظارها، وأصبح الآن لك:'],
      notes: (f) => [
        ...(f.held ? ['يُؤكَّد المكان حين يوافق وليّ أمرك.'] : []),
        'إن لم تستطع الحضور، فألغِ النوبة من الرابط أدناه ليذهب المكان إلى التالي في القائمة.',
      ],
    },
    reminder: {
      subject: (f) => `تذكير بنوبتك: ${f.role}، ${f.shifts[0]?.when ?? ''}`,
      intro: () => ['نذكّرك بنوبتك:'],
      notes: () => ['إن لم تستطع الحضور، فألغِها الآن من الرابط أدناه ليتمكن غيرك من المجيء. بانتظارك!'],
    },
    cancelled: {
      subject: (f) => `إلغاء نوبة: ${f.role} (${f.reference})`,
      intro: () => ['ألغينا ما طلبت:'],
      notes: () => ['شكرًا لإبلاغنا؛ هكذا يمكن أن يذهب المكان إلى شخص آخر.'],
    },
  },
};

const PHRASES: Record<MessageLocale, Phrases> = { el, en, ar };

function details(p: Phrases, kind: VolunteerMailKind, f: MailFacts): string {
  const lines = [`${p.labels.reference}: ${f.reference}`, `${p.labels.role}: ${f.role}`];
  if (kind === 'guardian-request' && f.description) lines.push(`${p.labels.description}: ${f.description}`);
  if (f.place) lines.push(`${p.labels.place}: ${f.place}`);
  lines.push(`${p.labels.shifts}:`);
  for (const s of f.shifts) lines.push(`• ${s.when}: ${s.state === 'waitlisted' ? p.state.waitlisted(s.position) : p.state[s.state]}`);
  lines.push(p.zone(f.zone));
  if (f.requirements) lines.push(`${p.labels.requirements}: ${f.requirements}`);
  return lines.join('\n');
}

/** The subject and text of a message of `kind` in `locale`. */
export function composeMail(locale: MessageLocale, kind: VolunteerMailKind, f: MailFacts): { subject: string; text: string } {
  const p = PHRASES[locale];
  const k = p.kinds[kind];
  const contact = [f.centre.email, f.centre.phone].filter(Boolean).join(' · ');
  const paragraphs = [
    p.hello(f.greetName),
    ...k.intro(f),
    details(p, kind, f),
    ...(k.notes?.(f) ?? []),
    kind === 'guardian-request' ? p.guardianLink(f.link, f.holdUntil ?? '') : p.manage(f.link),
    ...(f.attachment ? [p.attachment] : []),
    [p.signOff, f.centre.name, ...(contact ? [p.contact(contact)] : [])].join('\n'),
    p.automatic,
  ];
  return { subject: k.subject(f), text: `${paragraphs.join('\n\n')}\n` };
}

/** Status words of the calendar file, in the signup's language. */
export const stateWord = (locale: MessageLocale, state: ShiftState, position?: number) =>
  state === 'waitlisted' ? PHRASES[locale].state.waitlisted(position) : PHRASES[locale].state[state];

export const referenceLabel = (locale: MessageLocale) => PHRASES[locale].labels.reference;
export const requirementsLabel = (locale: MessageLocale) => PHRASES[locale].labels.requirements;
