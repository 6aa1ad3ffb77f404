/**
 * Peak resident memory of a process, from Linux's `/proc/<pid>/status` (`VmHWM`, the high-water mark). Writing `5`
 * to `/proc/<pid>/clear_refs` resets that mark, so each load run reads its own peak. Elsewhere: NaN.
 */
import { readFileSync, writeFileSync } from 'node:fs';

const kb = (pid: number, field: 'VmHWM' | 'VmRSS') => {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : NaN;
  } catch {
    return NaN;
  }
};

/** Resident memory now, in MB. */
export const rssMb = (pid: number) => kb(pid, 'VmRSS') / 1024;

/** The peak since the process started or since the last `resetPeak`, in MB. */
export const peakRssMb = (pid: number) => kb(pid, 'VmHWM') / 1024;

/** Starts a new peak from the current resident size; false when the system does not allow it. */
export function resetPeak(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}
