/** The settings the intake form added: the reply time its confirmation tells, and forwarding to a case system. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfig } from '../../src/server/config.ts';

describe('intake configuration', () => {
  it('has the documented defaults: a reply within 3 days, no forwarding', () => {
    const c = loadConfig({});
    assert.equal(c.intakeReplyDays, 3);
    assert.equal(c.intakeWebhookUrl, undefined);
    assert.equal(c.intakeWebhookSecret, undefined);
    assert.equal(c.intakeWebhookTimeoutMs, 10_000);
  });

  it('reads every variable', () => {
    const c = loadConfig({
      KENTRO_INTAKE_REPLY_DAYS: '5',
      KENTRO_INTAKE_WEBHOOK_URL: ' https://cases.example.gov.gr/hooks/kentro?source=intake ',
      KENTRO_INTAKE_WEBHOOK_SECRET: 'a-secret-of-enough-length',
    });
    assert.equal(c.intakeReplyDays, 5);
    assert.equal(c.intakeWebhookUrl, 'https://cases.example.gov.gr/hooks/kentro?source=intake');
    assert.equal(c.intakeWebhookSecret, 'a-secret-of-enough-length');
  });

  it('refuses values that would silently misbehave', () => {
    assert.throws(() => loadConfig({ KENTRO_INTAKE_REPLY_DAYS: '0' }), /KENTRO_INTAKE_REPLY_DAYS/);
    assert.throws(() => loadConfig({ KENTRO_INTAKE_REPLY_DAYS: 'soon' }), /KENTRO_INTAKE_REPLY_DAYS/);
    assert.throws(() => loadConfig({ KENTRO_INTAKE_WEBHOOK_URL: 'cases.example.gov.gr/hook' }), /KENTRO_INTAKE_WEBHOOK_URL/);
    assert.throws(() => loadConfig({ KENTRO_INTAKE_WEBHOOK_URL: 'ftp://cases.example.gov.gr/' }), /KENTRO_INTAKE_WEBHOOK_URL/);
    assert.throws(() => loadConfig({ KENTRO_INTAKE_WEBHOOK_SECRET: 'short' }), /KENTRO_INTAKE_WEBHOOK_SECRET/);
  });
});
