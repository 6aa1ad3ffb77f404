/** Configuration from the environment. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfig } from '../../src/server/config.ts';

describe('config', () => {
  it('has the documented defaults', () => {
    const c = loadConfig({});
    assert.equal(c.port, 8080);
    assert.equal(c.host, '127.0.0.1');
    assert.equal(c.dataDir, './data');
    assert.equal(c.databaseUrl, undefined);
    assert.deepEqual(c.allowedOrigins, ['http://127.0.0.1:8080', 'http://localhost:8080']);
    assert.equal(c.adminToken, undefined);
    assert.equal(c.rateLimitPerMin, 30);
    assert.equal(c.minFillMs, 3000);
    assert.equal(c.bodyLimitBytes, 65536);
    assert.equal(c.timeZone, 'Europe/Athens');
    assert.equal(c.logLevel, 'info');
    assert.equal(c.seed, true);
    assert.deepEqual(c.trustedProxies, []);
    assert.match(c.widgetsDir, /dist$/);
    assert.equal(c.retentionDays, 365);
    assert.equal(c.signupRetentionDays, 90);
  });

  it('reads every variable', () => {
    const c = loadConfig({
      PORT: '9000', HOST: '0.0.0.0', KENTRO_DATA_DIR: '/var/lib/kentro', DATABASE_URL: 'postgres://u@db/kentro',
      KENTRO_ALLOWED_ORIGINS: 'https://www.trikalacity.gr, https://kalamata.gr/ ,', KENTRO_ADMIN_TOKEN: 'a-long-enough-staff-token',
      KENTRO_RATE_LIMIT_PER_MIN: '0', KENTRO_MIN_FILL_MS: '0', KENTRO_BODY_LIMIT_BYTES: '1000', KENTRO_TIME_ZONE: 'Europe/Nicosia',
      KENTRO_LOG_LEVEL: 'silent', KENTRO_SEED: 'off', KENTRO_TRUST_PROXY: 'on',
      KENTRO_RETENTION_DAYS: '730', KENTRO_SIGNUP_RETENTION_DAYS: '0',
    });
    assert.equal(c.port, 9000);
    assert.equal(c.host, '0.0.0.0');
    assert.equal(c.dataDir, '/var/lib/kentro');
    assert.equal(c.databaseUrl, 'postgres://u@db/kentro');
    assert.deepEqual(c.allowedOrigins, ['https://www.trikalacity.gr', 'https://kalamata.gr']);
    assert.equal(c.adminToken, 'a-long-enough-staff-token');
    assert.equal(c.rateLimitPerMin, 0);
    assert.equal(c.minFillMs, 0);
    assert.equal(c.bodyLimitBytes, 1000);
    assert.equal(c.timeZone, 'Europe/Nicosia');
    assert.equal(c.logLevel, 'silent');
    assert.equal(c.seed, false);
    assert.deepEqual(c.trustedProxies, ['127.0.0.0/8', '::1'], 'KENTRO_TRUST_PROXY=on: a proxy on this machine');
    assert.equal(c.retentionDays, 730);
    assert.equal(c.signupRetentionDays, 0, '0 keeps signups for ever');
  });

  it('treats empty values as unset', () => {
    const c = loadConfig({ DATABASE_URL: '', PORT: '', KENTRO_ALLOWED_ORIGINS: ' ' });
    assert.equal(c.databaseUrl, undefined);
    assert.equal(c.port, 8080);
    assert.equal(c.allowedOrigins.length, 2);
  });

  it('lets overrides win and derives the default origins from the port', () => {
    const c = loadConfig({ PORT: '9000' }, { port: 1234, minFillMs: 5 });
    assert.equal(c.port, 1234);
    assert.equal(c.minFillMs, 5);
    assert.deepEqual(c.allowedOrigins, ['http://127.0.0.1:1234', 'http://localhost:1234']);
  });

  it('refuses values that would silently misbehave', () => {
    assert.throws(() => loadConfig({ PORT: 'eighty' }), /PORT/);
    assert.throws(() => loadConfig({ KENTRO_RATE_LIMIT_PER_MIN: '-1' }), /KENTRO_RATE_LIMIT_PER_MIN/);
    assert.throws(() => loadConfig({ KENTRO_SEED: 'maybe' }), /KENTRO_SEED/);
    assert.throws(() => loadConfig({ KENTRO_LOG_LEVEL: 'loud' }), /KENTRO_LOG_LEVEL/);
    assert.throws(() => loadConfig({ KENTRO_TIME_ZONE: 'Mars/Olympus' }), /KENTRO_TIME_ZONE/);
    assert.throws(() => loadConfig({ KENTRO_ADMIN_TOKEN: 'short' }), /KENTRO_ADMIN_TOKEN/);
    assert.throws(() => loadConfig({ KENTRO_RETENTION_DAYS: 'a year' }), /KENTRO_RETENTION_DAYS/);
    assert.throws(() => loadConfig({ KENTRO_SIGNUP_RETENTION_DAYS: '-1' }), /KENTRO_SIGNUP_RETENTION_DAYS/);
  });
});
