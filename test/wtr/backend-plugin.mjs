/**
 * Starts a real Kentro backend for the browser tests (in a child process, so TypeScript runs through tsx) and
 * exposes it to tests through the `kentro-backend` server command: `{ url, proxyUrl }`; every other `kentro-*`
 * command goes to the backend process (test/wtr/backend.ts lists them). The backend starts with the test server,
 * before any test runs, so its start-up (PGlite, migrations, seed) never eats into a test's timeout on a busy machine.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';

export function backendPlugin() {
  let child;
  let info;
  let port;
  let starting;
  const pending = new Map();
  let nextId = 1;

  const ask = (message) => new Promise((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { resolve, reject });
    child.stdin.write(`${JSON.stringify({ id, ...message })}\n`);
  });

  async function start() {
    const origins = [`http://localhost:${port}`, `http://127.0.0.1:${port}`].join(',');
    child = spawn(process.execPath, ['--import', 'tsx', 'test/wtr/backend.ts'], {
      stdio: ['pipe', 'pipe', 'inherit'],
      env: { ...process.env, KENTRO_ALLOWED_ORIGINS: origins },
    });
    const lines = createInterface({ input: child.stdout });
    const ready = new Promise((resolve, reject) => {
      lines.on('line', (line) => {
        let msg;
        try { msg = JSON.parse(line); } catch { return; }
        if (msg.ready) return resolve(msg);
        const waiter = pending.get(msg.id);
        if (!waiter) return;
        pending.delete(msg.id);
        if (msg.error) waiter.reject(new Error(msg.error)); else waiter.resolve(msg.result);
      });
      child.once('exit', (code) => reject(new Error(`backend exited with ${code}`)));
    });
    info = await ready;
  }

  return {
    name: 'kentro-backend',
    async serverStart({ config }) {
      port = config.port;
      starting ??= start();
      await starting;
    },
    async serverStop() {
      if (!child || child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
    async executeCommand({ command, payload }) {
      if (!command.startsWith('kentro-')) return undefined;
      starting ??= start();
      await starting;
      if (command === 'kentro-backend') return { url: info.url, proxyUrl: info.proxyUrl, hsdsStubUrl: info.hsdsStubUrl };
      return ask({ command, payload });
    },
  };
}
