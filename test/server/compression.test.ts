/** Text answers travel compressed for clients that accept it (Brotli first, else gzip), with `Vary: Accept-Encoding`. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { chooseEncoding } from '../../src/server/http/compression.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

describe('compression', () => {
  let s: TestServer;
  let plain: string;
  before(async () => {
    s = await startTestServer({ backend: 'pglite' });
    const res = await s.fetch('/api/openapi.json', { headers: { 'Accept-Encoding': 'identity' } });
    plain = await res.text();
  });
  after(() => s.close());

  it('sends the OpenAPI document (JSON, over 1 KiB) as Brotli or gzip, the same document once decoded', async () => {
    for (const [accept, encoding] of [['gzip, deflate, br', 'br'], ['gzip', 'gzip'], ['br;q=0, gzip;q=0.5', 'gzip']] as const) {
      const res = await s.fetch('/api/openapi.json', { headers: { 'Accept-Encoding': accept } });
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-encoding'), encoding, accept);
      assert.ok(Number(res.headers.get('content-length')) < plain.length / 3, `${accept}: ${res.headers.get('content-length')} bytes`);
      assert.match(res.headers.get('vary') ?? '', /Accept-Encoding/);
      assert.equal(await res.text(), plain);
    }
  });

  it('sends it as it is to a client that accepts no compression, still with Vary', async () => {
    const res = await s.fetch('/api/openapi.json', { headers: { 'Accept-Encoding': 'identity' } });
    assert.equal(res.headers.get('content-encoding'), null);
    assert.match(res.headers.get('vary') ?? '', /Accept-Encoding/);
    assert.equal(Number(res.headers.get('content-length') ?? plain.length), Buffer.byteLength(plain));
  });

  it('leaves small answers alone', async () => {
    const res = await s.fetch('/api/health', { headers: { 'Accept-Encoding': 'br' } });
    assert.equal(res.headers.get('content-encoding'), null);
    assert.equal((await res.json()).status, 'ok');
  });

  it('reads Accept-Encoding as RFC 9110 writes it', () => {
    assert.equal(chooseEncoding(undefined), undefined);
    assert.equal(chooseEncoding('identity'), undefined);
    assert.equal(chooseEncoding('gzip, deflate, br, zstd'), 'br');
    assert.equal(chooseEncoding('BR;Q=0, GZIP'), 'gzip');
    assert.equal(chooseEncoding('*'), 'gzip');
    assert.equal(chooseEncoding('gzip;q=0, br;q=0'), undefined);
  });
});
