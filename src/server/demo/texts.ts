/** The demo page's own words, per language. The widgets bring their own translations. */

export const DEMO_LANGS = ['el', 'en', 'ar'] as const;
export type DemoLang = (typeof DEMO_LANGS)[number];

export interface DemoTexts {
  dir: 'ltr' | 'rtl';
  languageName: string;
  title: string;
  description: string;
  skip: string;
  municipality: string;
  centre: string;
  languageLabel: string;
  navLabel: string;
  heading: string;
  lead: string;
  intakeTitle: string;
  intakeLead: string;
  intakeUnavailable: string;
  programmesTitle: string;
  programmesLead: string;
  programmesUnavailable: string;
  eventsTitle: string;
  eventsLead: string;
  eventsUnavailable: string;
  volunteerTitle: string;
  volunteerLead: string;
  volunteerUnavailable: string;
  referralTitle: string;
  referralLead: string;
  referralUnavailable: string;
  callUs: string;
  visitUs: string;
  footerTitle: string;
  addressLabel: string;
  hoursLabel: string;
  hours: string;
  phoneLabel: string;
  emailLabel: string;
  funding: string;
  demoNote: string;
}

const el: DemoTexts = {
  dir: 'ltr',
  languageName: 'Ελληνικά',
  title: 'Κέντρο Κοινότητας | Δήμος Αιγείρου',
  description: 'Υποδοχή, ενημέρωση και στήριξη για κάθε κοινωνικό πρόγραμμα του Δήμου Αιγείρου.',
  skip: 'Μετάβαση στο περιεχόμενο',
  municipality: 'Δήμος Αιγείρου',
  centre: 'Κέντρο Κοινότητας',
  languageLabel: 'Γλώσσα',
  navLabel: 'Υπηρεσίες του Κέντρου',
  heading: 'Κέντρο Κοινότητας Δήμου Αιγείρου',
  lead:
    'Σας υποδεχόμαστε, σας ενημερώνουμε και σας συνδέουμε με κάθε κοινωνικό πρόγραμμα, επίδομα και υπηρεσία της ' +
    'περιοχής. Όλες οι υπηρεσίες είναι δωρεάν.',
  intakeTitle: 'Ζητήστε βοήθεια',
  intakeLead: 'Πείτε μας τι χρειάζεστε και πώς να επικοινωνήσουμε μαζί σας. Θα λάβετε αριθμό πρωτοκόλλου.',
  intakeUnavailable: 'Η φόρμα αιτήματος φορτώνεται. Αν δεν εμφανιστεί, τηλεφωνήστε μας ή ελάτε στο Κέντρο.',
  programmesTitle: 'Προγράμματα και υπηρεσίες',
  programmesLead: 'Βρείτε το πρόγραμμα που σας ταιριάζει: ποιος δικαιούται, τι δικαιολογητικά χρειάζονται, πού και πότε.',
  programmesUnavailable: 'Ο κατάλογος των προγραμμάτων φορτώνεται. Αν δεν εμφανιστεί, τηλεφωνήστε μας.',
  eventsTitle: 'Εκδηλώσεις και επισκέψεις της κινητής μονάδας',
  eventsLead: 'Σεμινάρια, δράσεις για παιδιά, ημέρες ενημέρωσης και οι ημέρες που η κινητή μονάδα έρχεται στο χωριό σας.',
  eventsUnavailable: 'Το ημερολόγιο των εκδηλώσεων φορτώνεται. Αν δεν εμφανιστεί, τηλεφωνήστε μας.',
  volunteerTitle: 'Γίνετε εθελοντής',
  volunteerLead: 'Διαλέξτε δράση και βάρδια στο Δίκτυο Εθελοντισμού του Δήμου.',
  volunteerUnavailable: 'Οι ευκαιρίες εθελοντισμού φορτώνονται. Αν δεν εμφανιστούν, τηλεφωνήστε μας.',
  referralTitle: 'Παραπομπή μαθητή (σχολική διαρροή)',
  referralLead: 'Για εκπαιδευτικούς: παραπέμψτε μαθητή που κινδυνεύει να εγκαταλείψει το σχολείο, με τη συναίνεση του κηδεμόνα.',
  referralUnavailable: 'Η φόρμα παραπομπής φορτώνεται. Αν δεν εμφανιστεί, τηλεφωνήστε μας.',
  callUs: 'Τηλεφωνήστε μας:',
  visitUs: 'ή ελάτε στο Κέντρο:',
  footerTitle: 'Κέντρο Κοινότητας Δήμου Αιγείρου',
  addressLabel: 'Διεύθυνση',
  hoursLabel: 'Ωράριο',
  hours: 'Δευτέρα έως Παρασκευή 08:00–15:00, Τετάρτη και 17:00–19:00',
  phoneLabel: 'Τηλέφωνο',
  emailLabel: 'Ηλεκτρονικό ταχυδρομείο',
  funding: 'Συγχρηματοδοτείται από την Ευρωπαϊκή Ένωση (Ευρωπαϊκό Κοινωνικό Ταμείο+).',
  demoNote: 'Σελίδα επίδειξης του Kentro: ο Δήμος και τα στοιχεία του είναι φανταστικά.',
};

const en: DemoTexts = {
  dir: 'ltr',
  languageName: 'English',
  title: 'Community Centre | Municipality of Aigeiros',
  description: 'Reception, information and support for every social programme of the Municipality of Aigeiros.',
  skip: 'Skip to content',
  municipality: 'Municipality of Aigeiros',
  centre: 'Community Centre',
  languageLabel: 'Language',
  navLabel: 'Services of the centre',
  heading: 'Community Centre of the Municipality of Aigeiros',
  lead:
    'We welcome you, inform you and connect you with every social programme, benefit and service in the area. ' +
    'All our services are free.',
  intakeTitle: 'Ask for help',
  intakeLead: 'Tell us what you need and how to contact you. You will get a reference number.',
  intakeUnavailable: 'The request form is loading. If it does not appear, call us or visit the centre.',
  programmesTitle: 'Programmes and services',
  programmesLead: 'Find the programme that fits: who can apply, which documents you need, where and when.',
  programmesUnavailable: 'The list of programmes is loading. If it does not appear, call us.',
  eventsTitle: 'Events and mobile unit visits',
  eventsLead: "Seminars, children's activities, information days and the days the mobile unit comes to your village.",
  eventsUnavailable: 'The events calendar is loading. If it does not appear, call us.',
  volunteerTitle: 'Volunteer with us',
  volunteerLead: "Choose an activity and a shift in the municipality's Volunteer Network.",
  volunteerUnavailable: 'The volunteering opportunities are loading. If they do not appear, call us.',
  referralTitle: 'Refer a pupil (school dropout)',
  referralLead: 'For teachers: refer a pupil at risk of leaving school, with the consent of their guardian.',
  referralUnavailable: 'The referral form is loading. If it does not appear, call us.',
  callUs: 'Call us:',
  visitUs: 'or visit the centre:',
  footerTitle: 'Community Centre of the Municipality of Aigeiros',
  addressLabel: 'Address',
  hoursLabel: 'Opening hours',
  hours: 'Monday to Friday 08:00–15:00, Wednesday also 17:00–19:00',
  phoneLabel: 'Phone',
  emailLabel: 'Email',
  funding: 'Co-funded by the European Union (European Social Fund Plus).',
  demoNote: 'Kentro demo page: the municipality and its details are fictional.',
};

const ar: DemoTexts = {
  dir: 'rtl',
  languageName: 'العربية',
  title: 'المركز المجتمعي | بلدية أيغيروس',
  description: 'استقبال ومعلومات ودعم لكل البرامج الاجتماعية في بلدية أيغيروس.',
  skip: 'انتقل إلى المحتوى',
  municipality: 'بلدية أيغيروس',
  centre: 'المركز المجتمعي',
  languageLabel: 'اللغة',
  navLabel: 'خدمات المركز',
  heading: 'المركز المجتمعي لبلدية أيغيروس',
  lead: 'نستقبلك ونقدّم لك المعلومات ونوصلك بكل برنامج اجتماعي وإعانة وخدمة في المنطقة. جميع خدماتنا مجانية.',
  intakeTitle: 'اطلب المساعدة',
  intakeLead: 'أخبرنا بما تحتاج إليه وكيف نتواصل معك. ستحصل على رقم مرجعي.',
  intakeUnavailable: 'يجري تحميل نموذج الطلب. إذا لم يظهر، اتصل بنا أو قم بزيارة المركز.',
  programmesTitle: 'البرامج والخدمات',
  programmesLead: 'ابحث عن البرنامج المناسب لك: من يحق له التقديم، وما المستندات المطلوبة، وأين ومتى.',
  programmesUnavailable: 'يجري تحميل قائمة البرامج. إذا لم تظهر، اتصل بنا.',
  eventsTitle: 'الفعاليات وزيارات الوحدة المتنقلة',
  eventsLead: 'ندوات وأنشطة للأطفال وأيام إعلامية والأيام التي تزور فيها الوحدة المتنقلة قريتك.',
  eventsUnavailable: 'يجري تحميل تقويم الفعاليات. إذا لم يظهر، اتصل بنا.',
  volunteerTitle: 'تطوّع معنا',
  volunteerLead: 'اختر نشاطًا ومناوبة في شبكة التطوع التابعة للبلدية.',
  volunteerUnavailable: 'يجري تحميل فرص التطوع. إذا لم تظهر، اتصل بنا.',
  referralTitle: 'إحالة تلميذ (التسرب المدرسي)',
  referralLead: 'للمعلمين: أحيلوا تلميذًا معرّضًا لترك المدرسة، بموافقة وليّ أمره.',
  referralUnavailable: 'يجري تحميل نموذج الإحالة. إذا لم يظهر، اتصل بنا.',
  callUs: 'اتصل بنا:',
  visitUs: 'أو قم بزيارة المركز:',
  footerTitle: 'المركز المجتمعي لبلدية أيغيروس',
  addressLabel: 'العنوان',
  hoursLabel: 'ساعات العمل',
  hours: 'من الاثنين إلى الجمعة 08:00–15:00، والأربعاء أيضًا 17:00–19:00',
  phoneLabel: 'الهاتف',
  emailLabel: 'البريد الإلكتروني',
  funding: 'بتمويل مشترك من الاتحاد الأوروبي (الصندوق الاجتماعي الأوروبي بلس).',
  demoNote: 'صفحة عرض لمشروع Kentro: البلدية وبياناتها خيالية.',
};

export const DEMO_TEXTS: Readonly<Record<DemoLang, DemoTexts>> = { el, en, ar };

export const demoLang = (value: string | undefined): DemoLang =>
  DEMO_LANGS.includes(value as DemoLang) ? (value as DemoLang) : 'el';
