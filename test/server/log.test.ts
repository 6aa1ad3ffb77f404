/** The server's own log on stdout: one JSON line per entry, in order, none lost when lines are batched or the process exits. */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const cwd = fileURLToPath(new URL('../../', import.meta.url));

/** Runs `body` with `log = createLogger('info')` in a process of its own; its stdout, as parsed lines. */
function logOf(body: string) {
  const script = `import { createLogger } from './src/server/log.ts'; const log = createLogger('info'); ${body}`;
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd, encoding: 'utf8' });
  return out.trim().split('\n').map((l) => JSON.parse(l) as { msg: string; level: string });
}

describe('server log', () => {
  it('writes every line in order: several in one turn, an error, more in the next turn, then an exit', () => {
    const lines = logOf(`
      log.info('a'); log.info('b'); log.debug('hidden'); log.warn('c'); log.error('d'); log.info('e');
      setTimeout(() => { log.info('f'); log.info('g'); process.exit(0); }, 10);`);
    assert.deepEqual(lines.map((l) => l.msg), ['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    assert.deepEqual(lines.map((l) => l.level), ['info', 'info', 'warn', 'error', 'info', 'info', 'info']);
  });

  it('keeps pending lines when the process ends on its own', () => {
    assert.deepEqual(logOf(`log.info('one'); log.info('two'); log.info('three');`).map((l) => l.msg), ['one', 'two', 'three']);
  });
});
