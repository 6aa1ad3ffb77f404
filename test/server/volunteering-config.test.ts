/** The settings the Volunteer Network added: email delivery, the public address for links, jobs, guardian holds. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfig } from '../../src/server/config.ts';

describe('volunteering configuration', () => {
  it('has the documented defaults', () => {
    const c = loadConfig({});
    assert.equal(c.smtpUrl, undefined);
    assert.equal(c.mailFrom, 'Kentro <no-reply@localhost>');
    assert.equal(c.publicUrl, 'http://127.0.0.1:8080');
    assert.equal(c.jobsIntervalMs, 30_000);
    assert.equal(c.guardianHoldHours, 72);
  });

  it('reads every variable', () => {
    const c = loadConfig({
      SMTP_URL: 'smtps://kentro:secret@mail.example.gov.gr:465', KENTRO_MAIL_FROM: 'Κέντρο Κοινότητας <kentro@example.gov.gr>',
      KENTRO_PUBLIC_URL: 'https://www.example.gov.gr/kentro/', KENTRO_JOBS_INTERVAL_MS: '0', KENTRO_GUARDIAN_HOLD_HOURS: '48',
    });
    assert.equal(c.smtpUrl, 'smtps://kentro:secret@mail.example.gov.gr:465');
    assert.equal(c.mailFrom, 'Κέντρο Κοινότητας <kentro@example.gov.gr>');
    assert.equal(c.publicUrl, 'https://www.example.gov.gr/kentro');
    assert.equal(c.jobsIntervalMs, 0);
    assert.equal(c.guardianHoldHours, 48);
  });

  it('derives the public address from where the server listens', () => {
    assert.equal(loadConfig({ HOST: '0.0.0.0', PORT: '9000' }).publicUrl, 'http://localhost:9000');
    assert.equal(loadConfig({ HOST: '::1' }, { port: 1234 }).publicUrl, 'http://[::1]:1234');
  });

  it('refuses values that would silently misbehave', () => {
    assert.throws(() => loadConfig({ SMTP_URL: 'mail.example.gov.gr' }), /SMTP_URL/);
    assert.throws(() => loadConfig({ KENTRO_PUBLIC_URL: 'ftp://example.gov.gr' }), /KENTRO_PUBLIC_URL/);
    assert.throws(() => loadConfig({ KENTRO_PUBLIC_URL: 'not a url' }), /KENTRO_PUBLIC_URL/);
    assert.throws(() => loadConfig({ KENTRO_JOBS_INTERVAL_MS: 'often' }), /KENTRO_JOBS_INTERVAL_MS/);
    assert.throws(() => loadConfig({ KENTRO_GUARDIAN_HOLD_HOURS: '0' }), /KENTRO_GUARDIAN_HOLD_HOURS/);
  });
});
