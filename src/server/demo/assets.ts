/**
 * Versioned URLs of the demo page's own files (`/demo/demo.css?v=1a2b3c4d5e`): the version is a hash of the file's
 * content, so a URL names one content and may be cached for a year; the page itself is revalidated on every visit
 * (`no-cache`) and names the current versions. The hash is recomputed when the file's size or time changes.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** For a URL whose `v` is the file's current version. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

export class DemoAssets {
  private readonly known = new Map<string, { stamp: string; version: string }>();

  constructor(private readonly dir: string) {}

  /** The version of `name` (a file of the demo folder), or undefined when it cannot be read. */
  async version(name: string): Promise<string | undefined> {
    const file = join(this.dir, name);
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) return undefined;
    const stamp = `${info.size}-${info.mtimeMs}`;
    const known = this.known.get(name);
    if (known?.stamp === stamp) return known.version;
    const version = createHash('sha256').update(await readFile(file)).digest('hex').slice(0, 10);
    this.known.set(name, { stamp, version });
    return version;
  }

  /** `/demo/<name>?v=<version>`, or the plain path when the file cannot be read. */
  async href(name: string): Promise<string> {
    const version = await this.version(name);
    return version ? `/demo/${name}?v=${version}` : `/demo/${name}`;
  }
}
