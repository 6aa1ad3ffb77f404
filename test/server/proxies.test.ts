/**
 * `KENTRO_TRUSTED_PROXIES`: only the operator's own proxies are believed about the client's address and scheme.
 * `X-Forwarded-For` is read from the right, skipping trusted hops, so what a client writes into it itself counts for
 * nothing; HSTS is sent only when a trusted proxy says the request came over https.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../../src/server/config.ts';
import { isProxySpec, TrustedProxies } from '../../src/server/http/client-ip.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

describe('trusted proxies', () => {
  it('matches addresses and CIDRs, IPv4 seen on a dual-stack socket included', () => {
    const proxies = new TrustedProxies(['10.0.0.0/8', '192.0.2.7', 'fd00::/8']);
    for (const a of ['10.1.2.3', '::ffff:10.1.2.3', '192.0.2.7', 'fd12::1']) assert.equal(proxies.trusts(a), true, a);
    for (const a of ['11.0.0.1', '192.0.2.8', '2001:db8::1', 'unknown', '']) assert.equal(proxies.trusts(a), false, a);
    assert.equal(new TrustedProxies([]).trusts('127.0.0.1'), false);
  });

  it('accepts only addresses and CIDRs in KENTRO_TRUSTED_PROXIES', () => {
    for (const spec of ['10.0.0.0/8', '127.0.0.1', '::1', 'fd00::/8']) assert.equal(isProxySpec(spec), true, spec);
    for (const spec of ['10.0.0.0/33', 'example.org', '10.0.0', '10.0.0.0/8/1', '::1/129', '*']) assert.equal(isProxySpec(spec), false, spec);
    assert.throws(() => loadConfig({ KENTRO_TRUSTED_PROXIES: '10.0.0.0/8, nginx' }), /KENTRO_TRUSTED_PROXIES must list IP addresses or CIDRs .*nginx/);
    assert.deepEqual(loadConfig({ KENTRO_TRUSTED_PROXIES: '10.0.0.0/8, 127.0.0.1' }).trustedProxies, ['10.0.0.0/8', '127.0.0.1']);
  });
});

const post = (s: TestServer, headers: Record<string, string>) =>
  s.fetch('/api/intake/requests', { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID(), ...headers }, body: '{}' });

describe('behind a trusted proxy (this test is the proxy: 127.0.0.1)', () => {
  let s: TestServer;
  before(async () => {
    s = await startTestServer({ config: { trustedProxies: ['127.0.0.1', '10.0.0.0/8'], rateLimitPerMin: 1 } });
  });
  after(() => s.close());

  it('counts the client named by the first untrusted hop from the right', async () => {
    assert.equal((await post(s, { 'X-Forwarded-For': '203.0.113.7, 10.0.0.2' })).status, 400);
    assert.equal((await post(s, { 'X-Forwarded-For': '203.0.113.7' })).status, 429, 'the same client, one hop fewer');
    assert.equal((await post(s, { 'X-Forwarded-For': '198.51.100.1, 203.0.113.7, 10.0.0.2' })).status, 429, 'what the client wrote itself is ignored');
    assert.equal((await post(s, { 'X-Forwarded-For': '203.0.113.8, 10.0.0.2' })).status, 400, 'another client');
  });

  it('sends HSTS only when the proxy says https', async () => {
    assert.equal((await s.fetch('/api/health/live', { headers: { 'X-Forwarded-Proto': 'https' } })).headers.get('strict-transport-security'), 'max-age=31536000');
    assert.equal((await s.fetch('/api/health/live', { headers: { 'X-Forwarded-Proto': 'http' } })).headers.get('strict-transport-security'), null);
    assert.equal((await s.fetch('/api/health/live')).headers.get('strict-transport-security'), null);
  });
});

describe('with no trusted proxy', () => {
  let s: TestServer;
  before(async () => {
    s = await startTestServer({ config: { rateLimitPerMin: 1 } });
  });
  after(() => s.close());

  it('counts the socket peer, whatever X-Forwarded-For says, and never sends HSTS', async () => {
    assert.equal((await post(s, { 'X-Forwarded-For': '203.0.113.1' })).status, 400);
    assert.equal((await post(s, { 'X-Forwarded-For': '203.0.113.2' })).status, 429);
    assert.equal((await s.fetch('/api/health/live', { headers: { 'X-Forwarded-Proto': 'https' } })).headers.get('strict-transport-security'), null);
  });
});
