/**
 * The one-`<script>` embed: registers `<kentro-provider>` and every widget. It exports nothing; for classes and
 * types import the package root (`kentro`), which registers nothing.
 * `<script type="module" src="https://council.gr/kentro/widgets/all.js"></script>`
 */
import './core/kentro-provider.ts';
import './components/intake-form/kentro-intake-form.ts';
import './components/programme-directory/kentro-programme-directory.ts';
import './components/events-calendar/kentro-events-calendar.ts';
import './components/volunteer-signup/kentro-volunteer-signup.ts';
import './components/dropout-referral/kentro-dropout-referral.ts';
