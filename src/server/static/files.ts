/** Serves one file from a folder, safely (no way out of it), with an ETag and the caller's headers. */
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import type { Context } from 'hono';
import { problem } from '../http/problem.ts';

export const MIME: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** The absolute path of `relative` inside `root`, or undefined if it would leave it or is hidden. */
export function safeJoin(root: string, relative: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(relative);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\') || decoded.split('/').some((s) => s === '' || s.startsWith('.'))) return undefined;
  const base = resolve(root);
  const full = resolve(base, decoded);
  return full.startsWith(base + sep) ? full : undefined;
}

export interface ServeOptions {
  /** Extensions this folder may serve (with the dot). */
  types: readonly string[];
  headers: (relative: string) => Record<string, string>;
}

export async function serveFile(c: Context, root: string, relative: string, opts: ServeOptions): Promise<Response> {
  const full = safeJoin(root, relative);
  const ext = full ? extname(full).toLowerCase() : '';
  const info = full && opts.types.includes(ext) ? await stat(full).catch(() => undefined) : undefined;
  if (!full || !info?.isFile()) return problem(c, 404, 'notFound');
  const etag = `W/"${info.size.toString(36)}-${Math.trunc(info.mtimeMs).toString(36)}"`;
  const headers = { 'Content-Type': MIME[ext] ?? 'application/octet-stream', ETag: etag, ...opts.headers(relative) };
  if (c.req.header('if-none-match') === etag) return new Response(null, { status: 304, headers });
  const body = c.req.method === 'HEAD' ? null : await readFile(full);
  return new Response(body, { status: 200, headers: { ...headers, 'Content-Length': String(info.size) } });
}
