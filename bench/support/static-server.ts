/** What both bench servers share: serving the built bench page and its files, and listening on a free port. */
import { readFile } from 'node:fs/promises';
import { once } from 'node:events';
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.map': 'application/json', '.json': 'application/json',
};

/** Answers `path` from `staticDir` (`/` → `index`), refusing anything outside it. */
export async function serveStatic(res: http.ServerResponse, staticDir: string, path: string, index: string): Promise<void> {
  const file = normalize(join(staticDir, path === '/' ? index : path));
  if (!file.startsWith(staticDir)) {
    res.writeHead(403).end();
    return;
  }
  try {
    const body = await readFile(file);
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
  } catch {
    res.writeHead(404).end();
  }
}

/** Listens on 127.0.0.1 at a free port; the origin and a close function. */
export async function listen(server: http.Server): Promise<{ url: string; close: () => Promise<void> }> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
