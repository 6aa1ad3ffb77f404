/**
 * The one-`<script>` embed: registers `<kentro-provider>` at once, and each widget the first time its tag appears on
 * the page, so a page with the directory alone never downloads the calendar. It exports nothing; for classes and
 * types import the package root (`kentro`), which registers nothing, or a widget's own entry (`kentro/<tag>.js`),
 * which registers it at once.
 * `<script type="module" src="https://council.gr/kentro/widgets/all.js"></script>`
 */
import './core/kentro-provider.ts';
import { autoload } from './core/autoload.ts';

autoload({
  'kentro-intake-form': () => import('./components/intake-form/kentro-intake-form.ts'),
  'kentro-programme-directory': () => import('./components/programme-directory/kentro-programme-directory.ts'),
  'kentro-events-calendar': () => import('./components/events-calendar/kentro-events-calendar.ts'),
  'kentro-volunteer-signup': () => import('./components/volunteer-signup/kentro-volunteer-signup.ts'),
  'kentro-dropout-referral': () => import('./components/dropout-referral/kentro-dropout-referral.ts'),
});
