import { expect, fixture, html } from '@open-wc/testing';
import type { HsdsSchedule } from '../../src/contract/hsds.ts';
import { define } from '../../src/core/define.ts';
import { KentroElement } from '../../src/core/kentro-element.ts';
import directoryStrings from '../../src/core/translations/el/directory.ts';
import type { LocalizeController } from '../../src/core/localize.ts';
import { describeHours, describeOpenState } from '../../src/components/programme-directory/hours-words.ts';
import { openState, parseSchedule } from '../../src/components/programme-directory/opening-hours.ts';

class HoursProbe extends KentroElement {
  static override translations = [directoryStrings];
  get l(): LocalizeController { return this.localize; }
}
define('kentro-test-hours', HoursProbe);

const schedule = (fields: Partial<HsdsSchedule>): HsdsSchedule => ({ id: 'x', ...fields } as HsdsSchedule);
const tueThu = parseSchedule(schedule({ freq: 'WEEKLY', byday: 'TU,TH', opens_at: '09:00:00', closes_at: '13:00' }));
const weekdays = parseSchedule(schedule({ freq: 'WEEKLY', byday: 'MO,TU,WE,TH,FR', opens_at: '08:00', closes_at: '15:00' }));
const firstTuesday = parseSchedule(schedule({ freq: 'MONTHLY', byday: '1TU', opens_at: '09:00', closes_at: '13:00' }));
const lastSaturday = parseSchedule(schedule({ freq: 'MONTHLY', byday: '-1SA', opens_at: '10:00', closes_at: '12:00' }));
const Athens = 'Europe/Athens';

async function localize(lang: string) {
  return (await fixture<HoursProbe>(html`<kentro-test-hours lang=${lang}></kentro-test-hours>`)).l;
}

describe('opening hours in words', () => {
  it('says weekly and monthly hours in Greek, with the right gender for Saturday', async () => {
    const l = await localize('el');
    expect(describeHours(tueThu, l)).to.equal('Τρίτη και Πέμπτη, 09:00–13:00');
    expect(describeHours(firstTuesday, l)).to.equal('1η Τρίτη κάθε μήνα, 09:00–13:00');
    expect(describeHours(lastSaturday, l)).to.equal('Τελευταίο Σάββατο κάθε μήνα, 10:00–12:00');
  });

  it('says them in English and Arabic', async () => {
    const en = await localize('en');
    expect(describeHours(tueThu, en)).to.equal('Tuesday and Thursday, 09:00–13:00');
    expect(describeHours(firstTuesday, en)).to.equal('1st Tuesday of every month, 09:00–13:00');
    const ar = await localize('ar');
    expect(describeHours(tueThu, ar)).to.contain('الثلاثاء').and.contain('الخميس');
  });

  it('falls back to the feed\'s description for shapes it does not read', async () => {
    const l = await localize('en');
    const odd = parseSchedule(schedule({ freq: 'YEARLY', byyearday: '100', description: 'Once a year, in spring' }));
    expect(odd.rule).to.equal(undefined);
    expect(describeHours(odd, l)).to.equal('Once a year, in spring');
  });
});

describe('open now and next opening (Europe/Athens)', () => {
  it('is open on Tuesday at 10:00 and says until when', async () => {
    const state = openState([tueThu], new Date('2026-03-03T08:00:00Z'), Athens); // 10:00 in Athens (UTC+2)
    expect(state).to.deep.equal({ open: true, closes: '13:00' });
    expect(describeOpenState(state!, await localize('en'), '2026-03-03')).to.equal('Open now, until 13:00');
  });

  it('gives the next opening after closing time', async () => {
    const state = openState([tueThu], new Date('2026-03-03T12:00:00Z'), Athens); // 14:00 Tuesday
    expect(state).to.deep.equal({ open: false, next: { date: '2026-03-05', time: '09:00' } });
    expect(describeOpenState(state!, await localize('en'), '2026-03-03')).to.equal('Closed now. Opens Thursday, March 5 at 09:00');
  });

  it('keeps local time across the daylight-saving change', () => {
    // Monday 30 March 2026, 08:30 in Athens is 05:30 UTC (UTC+3 since Sunday).
    expect(openState([weekdays], new Date('2026-03-30T05:30:00Z'), Athens)).to.deep.equal({ open: true, closes: '15:00' });
    // The same UTC time a week earlier is 07:30 local: not yet open.
    expect(openState([weekdays], new Date('2026-03-23T05:30:00Z'), Athens)).to.deep.equal({ open: false, next: { date: '2026-03-23', time: '08:00' } });
  });

  it('finds the first Tuesday of next month for the mobile unit', () => {
    expect(openState([firstTuesday], new Date('2026-03-04T10:00:00Z'), Athens)).to.deep.equal({ open: false, next: { date: '2026-04-07', time: '09:00' } });
  });

  it('finds the last Saturday of the month', () => {
    expect(openState([lastSaturday], new Date('2026-03-01T10:00:00Z'), Athens)).to.deep.equal({ open: false, next: { date: '2026-03-28', time: '10:00' } });
  });
});
