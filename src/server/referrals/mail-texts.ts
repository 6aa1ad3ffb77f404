/**
 * The messages a referrer receives, in Greek (the default), English and Arabic: one place for all wording, so a
 * council can read and change it. Email is not a safe channel for a child's details, so no message names the
 * pupil or the guardian or says anything about them: only the reference, the status, the centre's note meant for
 * the school, and how to follow the referral. Nor does any message carry the status code: it was shown once, on
 * screen, and a forwarded email should not open the referral's history.
 */
import type { MessageLocale } from '../../contract/people.ts';
import type { ReferralStatus } from '../../contract/referral.ts';
import arStatuses from '../../contract/words/referral-status-ar.ts';
import elStatuses from '../../contract/words/referral-status-el.ts';
import enStatuses from '../../contract/words/referral-status-en.ts';

/** The words the widget's status check uses too (src/contract/words), so the email and the screen name a status alike. */
const STATUS_WORDS = { el: elStatuses, en: enStatuses, ar: arStatuses } satisfies Record<MessageLocale, Record<ReferralStatus, string>>;

/** A status in words, in the referrer's language. */
export const statusWord = (locale: MessageLocale, status: ReferralStatus): string => STATUS_WORDS[locale][status];

export type ReferralMailKind = 'received' | 'status-changed';

export interface ReferralMailFacts {
  /** The referrer's name, for the greeting. */
  referrerName: string;
  reference: string;
  status: ReferralStatus;
  /** The centre's note for the school, if staff wrote one. */
  note?: string;
  centre: { name: string; email?: string; phone?: string };
}

interface Phrases {
  hello(name: string): string;
  /** What the status means for the school, after a change to it. */
  meaning: Record<Exclude<ReferralStatus, 'requested'>, string>;
  labels: { reference: string; status: string; note: string };
  subject: Record<ReferralMailKind, (f: ReferralMailFacts) => string>;
  intro: Record<ReferralMailKind, string>;
  howToCheck: string;
  noDetails: string;
  signOff: string;
  contact(parts: string): string;
  automatic: string;
}

const el: Phrases = {
  hello: (name) => `Γεια σας ${name},`,
  meaning: {
    accepted: 'Η ομάδα του Κέντρου θα επικοινωνήσει με την οικογένεια και θα σας ενημερώνει για τα επόμενα βήματα.',
    rejected: 'Το Κέντρο δεν μπορεί να αναλάβει την παραπομπή. Το σημείωμα εξηγεί γιατί και πού αλλού μπορείτε να απευθυνθείτε.',
    'on-hold': 'Η παραπομπή περιμένει για λίγο. Θα σας γράψουμε μόλις προχωρήσει.',
    'in-progress': 'Η στήριξη ξεκίνησε. Θα σας ενημερώσουμε όταν ολοκληρωθεί.',
    completed: 'Η στήριξη ολοκληρώθηκε. Σας ευχαριστούμε για τη συνεργασία.',
    cancelled: 'Η παραπομπή ακυρώθηκε.',
  },
  labels: { reference: 'Αριθμός πρωτοκόλλου', status: 'Κατάσταση', note: 'Σημείωμα του Κέντρου' },
  subject: {
    received: (f) => `Λάβαμε την παραπομπή σας (${f.reference})`,
    'status-changed': (f) => `Παραπομπή ${f.reference}: ${statusWord('el', f.status)}`,
  },
  intro: {
    received: 'Λάβαμε την παραπομπή σας. Θα την εξετάσουμε και θα σας γράφουμε σε αυτή τη διεύθυνση σε κάθε αλλαγή της.',
    'status-changed': 'Η κατάσταση της παραπομπής σας άλλαξε:',
  },
  howToCheck: 'Την πορεία της παραπομπής βλέπετε και στη φόρμα παραπομπής, στον «Έλεγχο παραπομπής», με τον αριθμό πρωτοκόλλου και τον κωδικό κατάστασης που σας δόθηκε όταν τη στείλατε.',
  noDetails: 'Για την προστασία του παιδιού δεν γράφουμε σε email ούτε στοιχεία του μαθητή ούτε τον κωδικό κατάστασης. Αν χάσατε τον κωδικό, επικοινωνήστε μαζί μας αναφέροντας τον αριθμό πρωτοκόλλου.',
  signOff: 'Με εκτίμηση,',
  contact: (parts) => `Για κάθε ερώτηση: ${parts}`,
  automatic: 'Το μήνυμα στάλθηκε αυτόματα από το Κέντρο. Αν δεν σας αφορά, ενημερώστε μας στα παραπάνω στοιχεία.',
};

const en: Phrases = {
  hello: (name) => `Hello ${name},`,
  meaning: {
    accepted: 'The centre\'s team will contact the family and keep you informed of the next steps.',
    rejected: 'The centre cannot take this referral on. The note says why and where else you can turn.',
    'on-hold': 'The referral is waiting for a while. We will write to you as soon as it moves on.',
    'in-progress': 'The support has started. We will let you know when it is complete.',
    completed: 'The support is complete. Thank you for working with us.',
    cancelled: 'The referral has been cancelled.',
  },
  labels: { reference: 'Reference', status: 'Status', note: 'Note from the centre' },
  subject: {
    received: (f) => `We have received your referral (${f.reference})`,
    'status-changed': (f) => `Referral ${f.reference}: ${statusWord('en', f.status)}`,
  },
  intro: {
    received: 'We have received your referral. We will look at it and write to you at this address whenever it changes.',
    'status-changed': 'The status of your referral has changed:',
  },
  howToCheck: 'You can also follow the referral in the referral form, under "Check a referral", with the reference and the status code you were given when you sent it.',
  noDetails: 'To protect the child, we never put the pupil\'s details or the status code in an email. If you have lost the code, contact us and quote the reference.',
  signOff: 'Kind regards,',
  contact: (parts) => `Any questions: ${parts}`,
  automatic: 'This message was sent automatically by the centre. If it is not meant for you, please let us know using the details above.',
};

const ar: Phrases = {
  hello: (name) => `مرحبًا ${name}،`,
  meaning: {
    accepted: 'سيتواصل فريق المركز مع الأسرة وسيُطلعك على الخطوات التالية.',
    rejected: 'لا يستطيع المركز تولّي هذه الإحالة. توضّح الملاحظة السبب والجهات الأخرى التي يمكنك التوجّه إليها.',
    'on-hold': 'الإحالة معلّقة لبعض الوقت. سنكتب إليك حالما تتقدّم.',
    'in-progress': 'بدأ الدعم. سنُعلمك عند اكتماله.',
    completed: 'اكتمل الدعم. نشكرك على تعاونك.',
    cancelled: 'أُلغيت الإحالة.',
  },
  labels: { reference: 'الرقم المرجعي', status: 'الحالة', note: 'ملاحظة من المركز' },
  subject: {
    received: (f) => `استلمنا إحالتك (${f.reference})`,
    'status-changed': (f) => `الإحالة ${f.reference}: ${statusWord('ar', f.status)}`,
  },
  intro: {
    received: 'استلمنا إحالتك. سندرسها وسنكتب إليك على هذا العنوان عند كل تغيير فيها.',
    'status-changed': 'تغيّرت حالة إحالتك:',
  },
  howToCheck: 'يمكنك أيضًا متابعة الإحالة في نموذج الإحالة، في «التحقق من إحالة»، بالرقم المرجعي ورمز الحالة الذي حصلت عليه عند إرسالها.',
  noDetails: 'حمايةً للطفل، لا نكتب في البريد الإلكتروني بيانات التلميذ ولا رمز الحالة. إن فقدت الرمز، فتواصل معنا واذكر الرقم المرجعي.',
  signOff: 'مع التقدير،',
  contact: (parts) => `لأي استفسار: ${parts}`,
  automatic: 'أُرسلت هذه الرسالة تلقائيًا من المركز. إن لم تكن معنيًّا بها، فيُرجى إبلاغنا عبر البيانات أعلاه.',
};

const PHRASES: Record<MessageLocale, Phrases> = { el, en, ar };

/** The subject and text of a message of `kind` in `locale`. */
export function composeReferralMail(locale: MessageLocale, kind: ReferralMailKind, f: ReferralMailFacts): { subject: string; text: string } {
  const p = PHRASES[locale];
  const details = [`${p.labels.reference}: ${f.reference}`, `${p.labels.status}: ${statusWord(locale, f.status)}`];
  const contact = [f.centre.email, f.centre.phone].filter(Boolean).join(' · ');
  const paragraphs = [
    p.hello(f.referrerName),
    p.intro[kind],
    details.join('\n'),
    ...(f.note ? [`${p.labels.note}:\n${f.note}`] : []),
    ...(f.status === 'requested' ? [] : [p.meaning[f.status]]),
    p.howToCheck,
    p.noDetails,
    [p.signOff, f.centre.name, ...(contact ? [p.contact(contact)] : [])].join('\n'),
    p.automatic,
  ];
  return { subject: p.subject[kind](f), text: `${paragraphs.join('\n\n')}\n` };
}
