/** Download budgets (min + gzip) from issue 8: what each widget may cost before it works. */
export const KB = 1024;

export const BUDGETS: Readonly<Record<string, number>> = {
  'kentro-intake-form': 25 * KB,
  'kentro-volunteer-signup': 25 * KB,
  'kentro-dropout-referral': 25 * KB,
  'kentro-programme-directory': 30 * KB,
  'kentro-events-calendar': 100 * KB,
  all: 140 * KB,
};
