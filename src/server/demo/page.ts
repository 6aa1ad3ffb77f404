/**
 * The demo "council website" at `/` (and `/demo/*` assets), under the strict page CSP the widgets must live
 * with. `demo/index.html` is a template: `{{name}}` is replaced by escaped text of the chosen language,
 * `{{{name}}}` by markup this file builds. `?lang=en|ar` switches the language (Arabic is right-to-left).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { App } from '../http/env.ts';
import { DEMO_CSP } from '../http/security-headers.ts';
import { CENTRE_CONTACT } from '../seed/organization.ts';
import { serveFile } from '../static/files.ts';
import { DemoAssets, IMMUTABLE } from './assets.ts';
import { DEMO_LANGS, DEMO_TEXTS, demoLang, type DemoLang } from './texts.ts';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);

function languageLinks(current: DemoLang): string {
  return DEMO_LANGS.map((lang) => {
    const t = DEMO_TEXTS[lang];
    const currentAttr = lang === current ? ' aria-current="true"' : '';
    return `<li><a href="/?lang=${lang}" hreflang="${lang}" lang="${lang}" dir="${t.dir}"${currentAttr}>${escapeHtml(t.languageName)}</a></li>`;
  }).join('\n          ');
}

/** The page's own files, by their versioned URLs (./assets.ts). */
export interface DemoHrefs {
  cssHref: string;
  emblemHref: string;
}

/** Fills the template for `lang`; an unknown placeholder is a bug, so it throws. */
export function renderDemo(template: string, lang: DemoLang, hrefs: DemoHrefs): string {
  const t = DEMO_TEXTS[lang];
  const values: Record<string, string> = {
    ...t,
    ...hrefs,
    lang,
    address: lang === 'el' ? CENTRE_CONTACT.address : CENTRE_CONTACT.addressLatin,
    phone: CENTRE_CONTACT.phone,
    phoneHref: CENTRE_CONTACT.phoneHref,
    email: CENTRE_CONTACT.email,
  };
  const raw: Record<string, string> = { languageLinks: languageLinks(lang) };
  return template
    .replace(/\{\{\{(\w+)\}\}\}/g, (_, name: string) => {
      if (!(name in raw)) throw new Error(`demo template: unknown markup {{{${name}}}}`);
      return raw[name]!;
    })
    .replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
      if (!(name in values)) throw new Error(`demo template: unknown text {{${name}}}`);
      return escapeHtml(values[name]!);
    });
}

const PAGE_HEADERS = {
  'Content-Security-Policy': DEMO_CSP,
  'X-Frame-Options': 'SAMEORIGIN',
};

const ASSET_TYPES = ['.css', '.svg', '.png', '.jpg', '.webp', '.ico', '.woff2'];

export function mountDemo(app: App, demoDir: string) {
  const assets = new DemoAssets(demoDir);
  app.on(['GET', 'HEAD'], '/', async (c) => {
    const template = await readFile(join(demoDir, 'index.html'), 'utf8');
    const hrefs = { cssHref: await assets.href('demo.css'), emblemHref: await assets.href('emblem.svg') };
    const html = renderDemo(template, demoLang(c.req.query('lang')), hrefs);
    return c.html(html, 200, { ...PAGE_HEADERS, 'Cache-Control': 'no-cache', 'Content-Language': demoLang(c.req.query('lang')) });
  });
  app.on(['GET', 'HEAD'], '/demo/*', async (c) => {
    const relative = new URL(c.req.url).pathname.slice('/demo/'.length);
    const v = c.req.query('v');
    // A year for the URL the page names (it changes with the content); five minutes for any other.
    const current = v !== undefined && v === (await assets.version(relative));
    return serveFile(c, demoDir, relative, {
      types: ASSET_TYPES,
      headers: () => ({ ...PAGE_HEADERS, 'Cache-Control': current ? IMMUTABLE : 'public, max-age=300' }),
    });
  });
}
