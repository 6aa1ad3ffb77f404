/**
 * The real product for the benches, started the way `npm start` starts it once `npm run build` has produced
 * `dist/`: `node --import tsx src/server/main.ts` in its own process on a free port. Its log goes to a file,
 * as it would to a journal; the process id is kept so its memory can be read from `/proc`.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, openSync, closeSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');

export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

/** Runs `npm run build` only when `dist/` has no widgets yet (the benches measure what is built, they never rebuild it). */
export function ensureBuilt(): void {
  if (existsSync(join(ROOT, 'dist', 'all.js'))) return;
  process.stderr.write('dist/ is missing: running npm run build\n');
  execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
}

export interface NodeProcess {
  url: string;
  pid: number;
  /** What the process wrote (stdout and stderr). */
  log: () => string;
  stop: () => Promise<void>;
}

/**
 * Spawns `node [nodeArgs] --import tsx <entry>` with `env` on a free port (`PORT`, `HOST`) and waits until
 * `readyPath` answers 200. Output goes to `logFile`.
 */
export async function startNode(
  entry: string, env: Record<string, string>, logFile: string, readyPath: string, nodeArgs: readonly string[] = [],
): Promise<NodeProcess> {
  const port = await freePort();
  const fd = openSync(logFile, 'a');
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', entry], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ...env },
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  const url = `http://127.0.0.1:${port}`;
  const log = () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : '');
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${entry} exited (${child.exitCode}):\n${log().slice(-4000)}`);
    try {
      if ((await fetch(`${url}${readyPath}`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${entry} did not start:\n${log().slice(-4000)}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  return {
    url, pid: child.pid!, log,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/**
 * Options for the real server: PGlite in `dataDir` (or PostgreSQL at `databaseUrl`), the demo data, anti-automation
 * off when `antiAutomation` is false (the load generator posts far faster than a person, from one address).
 */
export interface RealServerOptions {
  dataDir: string;
  databaseUrl?: string;
  antiAutomation?: boolean;
  logFile: string;
  env?: Record<string, string>;
  /** Options for node itself, e.g. `--cpu-prof`. */
  nodeArgs?: readonly string[];
}

/** `src/server/main.ts`, ready once `/api/health` answers. */
export function startRealServer(o: RealServerOptions): Promise<NodeProcess> {
  return startNode('src/server/main.ts', {
    KENTRO_DATA_DIR: o.dataDir,
    DATABASE_URL: o.databaseUrl ?? '',
    // A fixed staff token, so the server does not print a generated one.
    KENTRO_ADMIN_TOKEN: 'bench-admin-token-0123456789',
    ...(o.antiAutomation === false ? { KENTRO_MIN_FILL_MS: '0', KENTRO_RATE_LIMIT_PER_MIN: '0' } : {}),
    ...o.env,
  }, o.logFile, '/api/health', o.nodeArgs);
}
