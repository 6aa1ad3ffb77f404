/**
 * One server bench run: for PGlite, and for PostgreSQL when a URL is given, start our server (`src/server/main.ts`,
 * as `npm start` does) and the bare app side by side on databases prepared the same way, then load each endpoint
 * on both (order alternating per endpoint) after a short warm-up of both, reading each server's peak memory.
 */
import { cpus } from 'node:os';
import { join } from 'node:path';
import { statSync } from 'node:fs';
import { ensureBuilt, startNode, startRealServer, type NodeProcess } from '../support/real-server.ts';
import { createDatabases, type DbKind, type Target } from './database.ts';
import { endpoints, load, type Endpoint, type LoadResult } from './load.ts';
import { peakRssMb, resetPeak, rssMb } from './memory.ts';

export interface ServerBenchOptions {
  /** Seconds of load per endpoint and server (default `KENTRO_BENCH_SECONDS`, else 10). */
  seconds?: number;
  /** Concurrent connections (default 50). */
  connections?: number;
  /** PostgreSQL cluster to create the bench databases on (default `DATABASE_URL`); none: PostgreSQL is skipped. */
  databaseUrl?: string;
  /** Progress lines (default: stderr). */
  progress?: (line: string) => void;
  /** A subset of the endpoints (default all four), for a quick look while working on one. */
  only?: readonly Endpoint['key'][];
  /** A subset of the databases (default both). */
  databases?: readonly DbKind[];
}

export interface Side {
  load: LoadResult;
  /** Peak resident memory during this load, MB. */
  peakMb: number;
}

export interface EndpointResult {
  endpoint: Endpoint;
  ours: Side;
  bare: Side;
}

export interface DbReport {
  kind: DbKind;
  /** Why this database was not measured. */
  skipped?: string;
  endpoints: EndpointResult[];
  /** Resident memory after start, before any load, MB. */
  idleMb: { ours: number; bare: number };
  /** Bytes our server logged during the run. */
  logBytes: number;
}

export interface ServerReport {
  seconds: number;
  warmupSeconds: number;
  connections: number;
  cores: number;
  node: string;
  databases: DbReport[];
  tookSeconds: number;
}

export const DB_LABEL: Record<DbKind, string> = { pglite: 'PGlite', postgres: 'PostgreSQL' };

const defaultSeconds = () => {
  const env = Number(process.env.KENTRO_BENCH_SECONDS);
  return Number.isFinite(env) && env > 0 ? env : 10;
};

/** One request of each endpoint to each server before the load: a setup mistake shows as its answer, not as a wall of non-2xx. */
async function smoke(name: string, url: string, e: Endpoint, target: Target, log: (l: string) => void) {
  const body = e.body?.(target, 0 - Math.floor(Math.random() * 1e9));
  const res = await fetch(`${url}${e.path}`, {
    method: e.method,
    headers: body ? { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) log(`${name} ${e.label}: ${res.status} ${(await res.text()).slice(0, 500)}`);
}

interface Settings {
  seconds: number;
  warmupSeconds: number;
  connections: number;
  databaseUrl?: string;
  progress: (line: string) => void;
  only?: readonly Endpoint['key'][];
}

async function measureDb(kind: DbKind, o: Settings): Promise<DbReport> {
  const log = o.progress;
  log(`${DB_LABEL[kind]}: preparing two databases (migrations, demo data, the bench shift)`);
  const dbs = await createDatabases(kind, o.databaseUrl);
  const servers: NodeProcess[] = [];
  try {
    const oursLog = join(dbs.workDir, 'ours.log');
    const ours = await startRealServer({
      dataDir: dbs.ours.dataDir, databaseUrl: dbs.ours.databaseUrl, antiAutomation: false, logFile: oursLog,
      // Email delivery and the other background jobs would run in the middle of a load run: off, as measured here.
      env: { KENTRO_JOBS_INTERVAL_MS: '0' },
    });
    servers.push(ours);
    const bare = await startNode('bench/server/bare-app.ts', {
      KENTRO_DATA_DIR: dbs.bare.dataDir, DATABASE_URL: dbs.bare.databaseUrl ?? '',
    }, join(dbs.workDir, 'bare.log'), '/api/health');
    servers.push(bare);
    const sides = { ours: { server: ours, target: dbs.ours }, bare: { server: bare, target: dbs.bare } } as const;
    const idleMb = { ours: rssMb(ours.pid), bare: rssMb(bare.pid) };

    const results: EndpointResult[] = [];
    for (const [i, e] of endpoints().filter((x) => !o.only || o.only.includes(x.key)).entries()) {
      for (const [name, s] of Object.entries(sides)) await smoke(name, s.server.url, e, s.target, log);
      for (const s of Object.values(sides)) await load(s.server.url, e, s.target, o.warmupSeconds, o.connections);
      const order = i % 2 === 0 ? (['ours', 'bare'] as const) : (['bare', 'ours'] as const);
      const measured: Partial<Record<'ours' | 'bare', Side>> = {};
      for (const name of order) {
        const { server, target } = sides[name];
        resetPeak(server.pid);
        const result = await load(server.url, e, target, o.seconds, o.connections);
        measured[name] = { load: result, peakMb: peakRssMb(server.pid) };
        log(`${DB_LABEL[kind]} ${name.padEnd(4)} ${e.label}: ${result.rps.toFixed(0)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms, ` +
          `non-2xx ${result.non2xx}${result.statuses ? ` (${result.statuses})` : ''}, errors ${result.errors}`);
      }
      results.push({ endpoint: e, ours: measured.ours!, bare: measured.bare! });
    }
    await Promise.all(servers.map((s) => s.stop()));
    return { kind, endpoints: results, idleMb, logBytes: statSync(oursLog).size };
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    await dbs.drop();
  }
}

export async function measureServer(options: ServerBenchOptions = {}): Promise<ServerReport> {
  const started = Date.now();
  ensureBuilt();
  const seconds = options.seconds ?? defaultSeconds();
  const o: Settings = {
    seconds,
    warmupSeconds: Math.max(1, Math.min(2, Math.round(seconds / 5))),
    connections: options.connections ?? 50,
    databaseUrl: options.databaseUrl ?? (process.env.DATABASE_URL?.trim() || undefined),
    progress: options.progress ?? ((line: string) => process.stderr.write(`${line}\n`)),
    ...(options.only ? { only: options.only } : {}),
  };
  const kinds = options.databases ?? ['pglite', 'postgres'];
  const databases: DbReport[] = [];
  if (kinds.includes('pglite')) databases.push(await measureDb('pglite', o));
  if (kinds.includes('postgres')) {
    if (o.databaseUrl) databases.push(await measureDb('postgres', o));
    else databases.push({ kind: 'postgres', skipped: 'skipped: set DATABASE_URL', endpoints: [], idleMb: { ours: NaN, bare: NaN }, logBytes: 0 });
  }
  return {
    seconds, warmupSeconds: o.warmupSeconds, connections: o.connections, cores: cpus().length, node: process.version,
    databases, tookSeconds: (Date.now() - started) / 1000,
  };
}
