/**
 * What a visitor downloads before a widget works: its entry file plus every chunk it imports statically, directly
 * or through other chunks (dynamic imports, such as the iCalendar reader, load later and are left out), minified
 * and gzipped at level 9. Read from Vite's build manifest, so the figures are exact and repeatable.
 *
 * `all.js` registers each widget when its tag appears (src/core/autoload.ts), so its own closure is tiny; its size
 * here is what a page showing every widget downloads: all.js and the closure of each widget it loads, each shared
 * chunk counted once (the widgets' own later imports, such as the calendar's month view, still left out).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

interface ManifestChunk { file: string; name?: string; isEntry?: boolean; imports?: string[]; dynamicImports?: string[] }
type Manifest = Record<string, ManifestChunk>;

export interface EntrySize {
  /** The entry's name, e.g. `kentro-intake-form` or `all`. */
  entry: string;
  files: string[];
  bytes: number;
  gzipBytes: number;
}

const gzipSize = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;

/** Sizes of every entry in `distDir` (after `npm run build`). */
export function entrySizes(distDir = 'dist'): EntrySize[] {
  const manifest = JSON.parse(readFileSync(join(distDir, '.vite', 'manifest.json'), 'utf8')) as Manifest;
  const closure = (key: string, seen = new Set<string>()): Set<string> => {
    if (seen.has(key)) return seen;
    seen.add(key);
    for (const next of manifest[key]?.imports ?? []) closure(next, seen);
    return seen;
  };
  return Object.entries(manifest)
    .filter(([, chunk]) => chunk.isEntry)
    .map(([key, chunk]) => {
      const keys = closure(key);
      if (chunk.name === 'all') for (const widget of chunk.dynamicImports ?? []) closure(widget, keys);
      const files = [...keys].map((k) => manifest[k]!.file);
      return {
        entry: chunk.name ?? chunk.file.replace(/\.js$/, ''),
        files,
        bytes: files.reduce((sum, f) => sum + readFileSync(join(distDir, f)).length, 0),
        gzipBytes: files.reduce((sum, f) => sum + gzipSize(join(distDir, f)), 0),
      };
    })
    .sort((a, b) => a.entry.localeCompare(b.entry));
}
