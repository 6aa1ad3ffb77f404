/**
 * The built widget library under `/widgets/`, served as a CDN would: any site may load it (CORS `*`), hashed
 * chunks are cached for a year, entry files (`all.js`, `kentro-intake-form.js`, …) for an hour.
 */
import type { App } from '../http/env.ts';
import { serveFile } from './files.ts';

const TYPES = ['.js', '.mjs', '.map', '.css', '.json'];

export const widgetCacheControl = (relative: string) =>
  relative.startsWith('chunks/') ? 'public, max-age=31536000, immutable' : 'public, max-age=3600';

export function mountWidgets(app: App, widgetsDir: string) {
  app.on(['GET', 'HEAD'], '/widgets/*', async (c) => {
    const res = await serveFile(c, widgetsDir, new URL(c.req.url).pathname.slice('/widgets/'.length), {
      types: TYPES,
      headers: (relative) => ({
        'Cache-Control': widgetCacheControl(relative),
        'Cross-Origin-Resource-Policy': 'cross-origin',
      }),
    });
    // Also on 404s, so a council page sees "not found" rather than a CORS error for a mistyped file name.
    res.headers.set('Access-Control-Allow-Origin', '*');
    return res;
  });
}
