/**
 * One process per embedded database folder. PGlite opened on one folder by two processes is not refused: both run
 * and data is silently lost. So the first process writes its PID to `<folder>.pid` beside it (created exclusively;
 * PGlite would take a file inside the folder for a database), and another that finds the file with a living Kentro
 * process's PID in it refuses to start, before PGlite touches the folder. A file left by a process that died (SIGKILL, a power cut) names no living process and is taken over.
 *
 * Two processes taking over one stale file at the same moment: each writes its own, waits a moment and reads the
 * file back; only the one whose PID is still there goes on. (A PID file rather than a lock library: proper-lockfile
 * and the like refuse for their whole stale period after a crash, and flock needs a native module.)
 */
import { closeSync, existsSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';

export class FolderInUseError extends Error {
  constructor(readonly folder: string, readonly pid: number) {
    super(`The database folder ${folder} is in use by another Kentro process (PID ${pid}). ` +
      'Stop that process first, or give this one its own KENTRO_DATA_DIR. To run several servers on one database, ' +
      'use PostgreSQL (DATABASE_URL).');
    this.name = 'FolderInUseError';
  }
}

/** Folders this process holds (opening one twice in the same process loses data just the same). */
const held = new Set<string>();

const readPid = (file: string): number | undefined => {
  try {
    const pid = Number(readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
};

/** A living process that could be Kentro (on Linux, a Node process; elsewhere any living process counts). */
function isLiveKentro(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
  const cmdline = `/proc/${pid}/cmdline`;
  if (!existsSync('/proc/self/cmdline')) return true;
  try {
    return /node/.test(readFileSync(cmdline, 'utf8'));
  } catch {
    return false;
  }
}

/** Takes the folder for this process; returns the function that gives it back. Throws `FolderInUseError`. */
export async function lockFolder(folder: string): Promise<() => void> {
  const dir = resolve(folder);
  const file = `${dir}.pid`;
  if (held.has(dir)) throw new FolderInUseError(dir, process.pid);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = readPid(file);
      if (pid !== undefined && isLiveKentro(pid)) throw new FolderInUseError(dir, pid);
      try {
        unlinkSync(file);
      } catch {
        // another process removed it first
      }
      continue;
    }
    await new Promise((r) => setTimeout(r, 50));
    const owner = readPid(file);
    if (owner !== process.pid) throw new FolderInUseError(dir, owner ?? 0);
    held.add(dir);
    return () => {
      held.delete(dir);
      if (readPid(file) === process.pid) unlinkSync(file);
    };
  }
  throw new FolderInUseError(dir, readPid(file) ?? 0);
}
