/**
 * Real records made through the API, for suites that attack them: two volunteer signups (an adult, and a minor
 * whose guardian gets a link), an intake request and two referrals, with the secrets that open each one
 * (manage tokens, guardian tokens, referral status codes).
 */
import type { TestServer } from '../support/server.ts';
import { intakeBody, submitIntake } from '../support/intake.ts';
import { referralBody, submitReferral } from '../support/referral.ts';
import { DAY, insertOpportunity, outbox, signupBody, signUp, tokenIn } from '../support/volunteering.ts';

export interface Signup {
  manageToken: string;
  shiftIds: string[];
  name: string;
  email: string;
}

export interface Records {
  opportunityId: string;
  shiftIds: string[];
  adult: Signup;
  minor: Signup & { guardianToken: string; guardianEmail: string };
  intakeReference: string;
  referrals: { reference: string; statusToken: string }[];
}

export async function makeRecords(s: TestServer): Promise<Records> {
  const { opportunityId, shiftIds } = await insertOpportunity(s.db, {
    minAge: 15,
    shifts: [{ startsIn: 3 * DAY, capacity: 50 }, { startsIn: 4 * DAY, capacity: 50 }, { startsIn: 5 * DAY, capacity: 50 }],
  });
  const adultBody = signupBody(opportunityId, [shiftIds[0]!, shiftIds[1]!], { name: 'Σταυρούλα Ενήλικη' });
  const adult = await signUp(s, adultBody);
  const guardianEmail = `kidemeni.${Math.random().toString(36).slice(2, 8)}@example.gr`;
  const minorBody = signupBody(opportunityId, [shiftIds[2]!], {
    name: 'Αντώνης Ανήλικος', ageBand: '15-17',
    guardian: { name: 'Ευδοκία Κηδεμόνα', email: guardianEmail, phone: '697 000 2222', relationship: 'μητέρα' },
  });
  const minor = await signUp(s, minorBody);
  const [message] = await outbox(s.db, { to: guardianEmail });
  if (!message) throw new Error('no message to the guardian');
  const intakeReference = await submitIntake(s, intakeBody());
  const referrals = [await submitReferral(s, referralBody()), await submitReferral(s, referralBody())];
  return {
    opportunityId,
    shiftIds,
    adult: { manageToken: adult.manageToken, shiftIds: adultBody.shiftIds, name: adultBody.name, email: adultBody.email },
    minor: {
      manageToken: minor.manageToken, shiftIds: minorBody.shiftIds, name: minorBody.name, email: minorBody.email,
      guardianToken: tokenIn(message.text, 'guardian'), guardianEmail,
    },
    intakeReference,
    referrals,
  };
}
