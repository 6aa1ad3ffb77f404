/**
 * Writes a message to the referrer into the outbox, inside the caller's transaction: it exists exactly when the
 * change it reports commits. In the referrer's language, signed by the centre as the directory names it. The
 * facts handed to the wording (./mail-texts.ts) are the reference, the status and the note: nothing else of the
 * referral is read here, so no message can carry pupil or guardian data.
 */
import type { ReferralStatus } from '../../contract/referral.ts';
import { FALLBACK_CENTRE_NAME, findCentre } from '../centre.ts';
import type { Queryable } from '../db/types.ts';
import { textToHtml } from '../mail/html.ts';
import { enqueueMail } from '../mail/outbox.ts';
import { composeReferralMail, type ReferralMailKind } from './mail-texts.ts';
import type { ReferralRow } from './records.ts';

export type MailedReferral = Pick<ReferralRow, 'reference' | 'referrer_name' | 'referrer_email' | 'locale'>;

export async function queueReferralMail(
  tx: Queryable, referral: MailedReferral, kind: ReferralMailKind, change: { status: ReferralStatus; note?: string },
): Promise<void> {
  const { locale } = referral;
  const centre = await findCentre(tx);
  const { subject, text } = composeReferralMail(locale, kind, {
    referrerName: referral.referrer_name,
    reference: referral.reference,
    status: change.status,
    ...(change.note ? { note: change.note } : {}),
    centre: {
      name: (locale === 'el' ? centre?.name : centre?.alternate_name ?? centre?.name) ?? FALLBACK_CENTRE_NAME,
      ...(centre?.email ? { email: centre.email } : {}),
      ...(centre?.phone ? { phone: centre.phone } : {}),
    },
  });
  await enqueueMail(tx, {
    kind: `referral.${kind}`, to: referral.referrer_email, subject, text, html: textToHtml(text, locale), about: referral.reference,
  });
}
