/**
 * Compression of text answers (the widget files, the demo page and its stylesheet, JSON, calendars): Brotli when the
 * client accepts it, else gzip, for bodies of 1 KiB or more. A public answer with an ETag (a widget file, a demo
 * asset, a calendar) is compressed once per version at the strongest setting and kept in memory; other answers
 * (JSON made per request, the page) at a fast setting. Lighthouse counted 700 KiB that travelled uncompressed on
 * the demo page's first visit (bench/page).
 *
 * A compressed answer's ETag becomes weak (its bytes differ from the uncompressed ones); every ETag comparison of
 * the server is weak. `Vary: Accept-Encoding` goes on every compressible answer, compressed or not.
 */
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';

export type Encoding = 'br' | 'gzip';

const COMPRESSIBLE = /^(text\/|application\/(json|problem\+json|javascript|xml)|image\/svg\+xml)/i;
const MIN_BYTES = 1024;
const KEPT_ANSWERS = 300;

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** The encoding to answer with: Brotli, else gzip, when `Accept-Encoding` accepts it (a `q=0` refuses). */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding | undefined {
  if (!acceptEncoding) return undefined;
  const accepted = new Set<string>();
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [name, ...params] = part.split(';').map((s) => s.trim());
    const q = params.find((p) => p.startsWith('q='));
    if (name && !(q && Number(q.slice(2)) === 0)) accepted.add(name);
  }
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip') || accepted.has('*')) return 'gzip';
  return undefined;
}

function compress(body: Uint8Array, encoding: Encoding, strongest: boolean): Promise<Uint8Array> {
  if (encoding === 'gzip') return gzipAsync(body, { level: strongest ? 9 : 6 });
  return brotli(body, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: strongest ? 11 : 4,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
    },
  });
}

/** Compressed versions of public answers by encoding, URL and ETag, most recently used last. */
const kept = new Map<string, Promise<Uint8Array>>();

function keptCompression(key: string, make: () => Promise<Uint8Array>): Promise<Uint8Array> {
  let entry = kept.get(key);
  if (entry) kept.delete(key);
  else {
    entry = make();
    entry.catch(() => kept.delete(key));
    if (kept.size >= KEPT_ANSWERS) kept.delete(kept.keys().next().value!);
  }
  kept.set(key, entry);
  return entry;
}

export const compression: MiddlewareHandler = async (c, next) => {
  await next();
  const res = c.res;
  const type = res.headers.get('Content-Type');
  if (!type || !COMPRESSIBLE.test(type) || res.headers.has('Content-Encoding')) return;
  res.headers.append('Vary', 'Accept-Encoding');
  const encoding = chooseEncoding(c.req.header('Accept-Encoding'));
  const cacheControl = res.headers.get('Cache-Control') ?? '';
  if (!encoding || c.req.method === 'HEAD' || [204, 206, 304].includes(res.status) || /no-transform/i.test(cacheControl)) return;
  const length = res.headers.get('Content-Length');
  if (length !== null && Number(length) < MIN_BYTES) return;

  const body = new Uint8Array(await res.arrayBuffer());
  const headers = new Headers(res.headers);
  let answer: Uint8Array = body;
  if (body.byteLength >= MIN_BYTES) {
    const etag = headers.get('ETag');
    answer = etag && /\bpublic\b/i.test(cacheControl)
      ? await keptCompression(`${encoding} ${c.req.url} ${etag}`, () => compress(body, encoding, true))
      : await compress(body, encoding, false);
    headers.set('Content-Encoding', encoding);
    if (etag && !etag.startsWith('W/')) headers.set('ETag', `W/${etag}`);
  }
  headers.set('Content-Length', String(answer.byteLength));
  // Unset first: assigning over a finished response would copy its old Content-Length and ETag onto the new one.
  c.res = undefined;
  c.res = new Response(answer as Uint8Array<ArrayBuffer>, { status: res.status, statusText: res.statusText, headers });
};
