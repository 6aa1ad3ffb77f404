/** Reading a council's iCalendar feed with ical.js, in the browser, whatever the visitor's machine time zone. */
import { expect } from '@open-wc/testing';
import { parseIcsFeed } from '../../src/client/ics-feed.ts';

const feed = (name: string) => fetch(new URL(`../fixtures/ics/${name}`, import.meta.url)).then((r) => r.text());
const utc = (items: { start: string }[]) => items.map((e) => e.start);

describe('iCalendar feeds (ical.js)', () => {
  for (const name of ['council-feed.ics', 'no-vtimezone.ics']) {
    it(`expands RRULE, RDATE, EXDATE and RECURRENCE-ID in Europe/Athens (${name})`, async () => {
      const items = await parseIcsFeed(await feed(name), new Date('2026-03-20T00:00:00Z'), new Date('2026-04-25T00:00:00Z'), 'Europe/Athens');
      const yoga = items.filter((e) => e.seriesId === 'feed:weekly-yoga@kentro');
      expect(utc(yoga)).to.deep.equal([
        '2026-03-20T08:00:00.000Z', // 10:00 EET
        '2026-03-27T08:00:00.000Z',
        '2026-04-03T09:00:00.000Z', // moved to 12:00 EEST by RECURRENCE-ID
        '2026-04-08T15:00:00.000Z', // RDATE 18:00 EEST
        '2026-04-17T07:00:00.000Z', // cancelled: kept, marked
        '2026-04-24T07:00:00.000Z', // 10:00 EEST after the change; 10 April excluded by EXDATE
      ]);
      expect(yoga.find((e) => e.start.startsWith('2026-04-03'))!.title).to.equal('Γιόγκα (μετακίνηση)');
      expect(yoga.find((e) => e.start.startsWith('2026-04-17'))!.status).to.equal('cancelled');
      expect(yoga.filter((e) => e.status === 'scheduled')).to.have.length(5);
      const holiday = items.find((e) => e.title === 'Αργία')!;
      expect([holiday.allDay, holiday.start, holiday.end]).to.deep.equal([true, '2026-03-25', '2026-03-26']);
    });
  }

  it('keeps local time across the autumn change', async () => {
    const items = await parseIcsFeed(await feed('council-feed.ics'), new Date('2026-10-15T00:00:00Z'), new Date('2026-11-01T00:00:00Z'), 'Europe/Athens');
    expect(utc(items)).to.deep.equal(['2026-10-16T07:00:00.000Z', '2026-10-23T07:00:00.000Z', '2026-10-30T08:00:00.000Z']);
  });
});

describe('schema.org JSON-LD', () => {
  it('describes each event with its status, and escapes markup', async () => {
    const { toJsonLd, writeJsonLd } = await import('../../src/components/events-calendar/json-ld.ts');
    const event = {
      id: 'a', seriesId: 'a', title: 'Σεμινάριο </script><b>', description: 'd', category: 'seminar', status: 'cancelled',
      start: '2026-04-03T10:00:00+03:00', end: '2026-04-03T12:00:00+03:00', registration: { kind: 'none' },
      place: { id: 'p', name: 'Κέντρο', kind: 'centre', city: 'Αίγειρος' },
    } as const;
    const [ld] = toJsonLd([event]) as Record<string, unknown>[];
    expect(ld!.eventStatus).to.equal('https://schema.org/EventCancelled');
    expect(ld!.location).to.deep.equal({ '@type': 'Place', name: 'Κέντρο', address: 'Αίγειρος' });
    const host = document.createElement('div');
    writeJsonLd(host, [event]);
    const script = host.querySelector('script[type="application/ld+json"]')!;
    expect(script.textContent).not.to.contain('</script>');
    expect(JSON.parse(script.textContent!)[0].name).to.equal('Σεμινάριο </script><b>');
  });
});
