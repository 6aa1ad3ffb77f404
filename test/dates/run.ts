/**
 * `npm run test:dates`: the suites most exposed to the calendar, run under a shifted clock (Debian's `faketime`,
 * libfaketime preloaded into Node, PGlite and Chromium alike) for each day of a week at a different hour, the days
 * around both daylight-saving changes in Europe/Athens, and New Year's Eve late at night. A test that depends on
 * today's date, the weekday, the hour or the seed's relative dates fails on one of them.
 *
 * Each date also sets the processes' own time zone (`TZ`), alternating UTC and Europe/Athens, so code that reads
 * the machine's zone where it means the centre's is caught too. PostgreSQL runs in its own process outside the
 * shifted clock, so the suites run on the embedded database (PGlite) here.
 *
 *   npm run test:dates                          every date, every suite
 *   npm run test:dates -- --only dst            dates whose name contains "dst"
 *   npm run test:dates -- --suites server       one suite (server, browser, e2e, reliability)
 *   npm run test:dates -- --list                the dates and what runs, without running anything
 */
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';

interface Clock {
  name: string;
  /** The instant the clock starts at. */
  at: string;
  /** The processes' time zone. */
  tz: 'UTC' | 'Europe/Athens';
}

/** Instants in UTC; the comment gives Athens' wall clock. */
export const CLOCKS: Clock[] = [
  { name: 'monday-morning', at: '2027-01-04T06:00:00Z', tz: 'UTC' }, // Mon 08:00
  { name: 'tuesday-noon', at: '2027-01-05T10:00:00Z', tz: 'Europe/Athens' }, // Tue 12:00
  { name: 'wednesday-afternoon', at: '2027-01-06T14:45:00Z', tz: 'UTC' }, // Wed 16:45
  { name: 'thursday-late', at: '2027-01-07T21:50:00Z', tz: 'Europe/Athens' }, // Thu 23:50
  { name: 'friday-after-midnight', at: '2027-01-07T22:30:00Z', tz: 'UTC' }, // Fri 00:30 (still Thursday in UTC)
  { name: 'saturday-morning', at: '2027-01-09T08:00:00Z', tz: 'Europe/Athens' }, // Sat 10:00
  { name: 'sunday-evening', at: '2027-01-10T18:00:00Z', tz: 'UTC' }, // Sun 20:00
  { name: 'dst-spring-day-before', at: '2027-03-27T10:00:00Z', tz: 'Europe/Athens' }, // Sat 12:00 EET; clocks go forward at 03:00 on the 28th
  { name: 'dst-spring-day-after', at: '2027-03-29T09:00:00Z', tz: 'UTC' }, // Mon 12:00 EEST
  { name: 'dst-autumn-day-before', at: '2027-10-30T09:00:00Z', tz: 'UTC' }, // Sat 12:00 EEST; clocks go back at 04:00 on the 31st
  { name: 'dst-autumn-day-after', at: '2027-11-01T10:00:00Z', tz: 'Europe/Athens' }, // Mon 12:00 EET
  { name: 'new-years-eve', at: '2027-12-31T21:30:00Z', tz: 'Europe/Athens' }, // Fri 23:30, half an hour before 2028
];

/** The suites that read "now": everything on the server, and the browser, end-to-end and retention tests that
 * sign up for shifts, show events, opening hours or a reference with the year. */
const SUITES: Record<string, string[]> = {
  server: ['node', '--expose-gc', '--import', 'tsx', '--test', '--test-concurrency=1', 'test/server/*.test.ts'],
  browser: ['npx', 'wtr', '--files', 'test/components/volunteer-signup.test.ts', 'test/components/events-calendar*.test.ts',
    'test/components/programme-directory*.test.ts', 'test/components/intake-form.test.ts', 'test/components/dropout-referral.test.ts',
    'test/components/stories.test.ts'],
  e2e: ['node', '--import', 'tsx', '--test', '--test-concurrency=1', 'test/e2e/*.test.ts'],
  reliability: ['node', '--import', 'tsx', '--test', '--test-concurrency=1', 'test/reliability/retention.test.ts', 'test/reliability/load.test.ts'],
};

/** `YYYY-MM-DD HH:MM:SS` on the wall clock of `tz`: libfaketime reads its start time in the process's zone. */
export function wallClock(at: string, tz: string): string {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', {
    timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
  }).formatToParts(new Date(at)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}

function run(clock: Clock, suite: string): Promise<{ ok: boolean; seconds: number; tail: string }> {
  const started = performance.now();
  const [cmd, ...args] = SUITES[suite]!;
  // `@` starts the clock at that moment and lets it run; the shell expands the test globs as npm scripts do.
  const child = spawn('faketime', ['-f', `@${wallClock(clock.at, clock.tz)}`, 'sh', '-c', [cmd, ...args].join(' ')], {
    env: { ...process.env, TZ: clock.tz, DATABASE_URL: '', FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => { output += d; });
  child.stderr.on('data', (d) => { output += d; });
  return new Promise((resolve) => child.on('close', (code) => resolve({
    ok: code === 0, seconds: (performance.now() - started) / 1000, tail: output.split('\n').slice(-60).join('\n'),
  })));
}

const { values } = parseArgs({ options: { only: { type: 'string' }, suites: { type: 'string' }, list: { type: 'boolean' } } });
const clocks = CLOCKS.filter((c) => !values.only || c.name.includes(values.only));
const suites = values.suites ? values.suites.split(',') : Object.keys(SUITES);
for (const s of suites) if (!SUITES[s]) throw new Error(`unknown suite ${s}: ${Object.keys(SUITES).join(', ')}`);

if (values.list) {
  for (const c of clocks) console.log(`${c.name.padEnd(24)} ${c.at}  Athens ${wallClock(c.at, 'Europe/Athens')}  TZ=${c.tz}`);
  console.log(`suites: ${suites.map((s) => `${s} (${SUITES[s]!.slice(-1)[0]}…)`).join(', ')}`);
  process.exit(0);
}

const hasFaketime = await new Promise<boolean>((resolve) => spawn('faketime', ['--version'], { stdio: 'ignore' }).on('error', () => resolve(false)).on('close', () => resolve(true)));
if (!hasFaketime) {
  console.error('test:dates needs libfaketime: `apt-get install faketime` on Debian (.ci/run installs it when missing).');
  process.exit(2);
}

if (suites.includes('e2e')) {
  // The end-to-end suite serves the built widgets: build once, on the real clock.
  console.log('building the widgets for the end-to-end suite…');
  const built = await new Promise<number | null>((resolve) => spawn('npm', ['run', 'build', '--silent'], { stdio: 'ignore' }).on('close', resolve));
  if (built !== 0) throw new Error('npm run build failed');
}

const failures: string[] = [];
const started = performance.now();
for (const clock of clocks) {
  for (const suite of suites) {
    const result = await run(clock, suite);
    const line = `${clock.name.padEnd(24)} Athens ${wallClock(clock.at, 'Europe/Athens')}  TZ=${clock.tz.padEnd(13)} ${suite.padEnd(11)} ${result.ok ? 'ok  ' : 'FAIL'} ${result.seconds.toFixed(0)} s`;
    console.log(line);
    if (!result.ok) {
      failures.push(line);
      console.log(result.tail.replace(/^/gm, '    '));
    }
  }
}
const passed = clocks.length * suites.length - failures.length;
console.log(`\ndates: ${clocks.length} clocks × ${suites.length} suites in ${((performance.now() - started) / 60_000).toFixed(1)} min`);
console.log(`${passed} passed, ${failures.length} failed`);
process.exit(failures.length ? 1 : 0);
