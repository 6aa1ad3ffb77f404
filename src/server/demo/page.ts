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

/** Fills the template for `lang`; an unknown placeholder is a bug, so it throws. */
export function renderDemo(template: string, lang: DemoLang): string {
  const t = DEMO_TEXTS[lang];
  const values: Record<string, string> = {
    ...t,
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
  app.on(['GET', 'HEAD'], '/', async (c) => {
    const template = await readFile(join(demoDir, 'index.html'), 'utf8');
    const html = renderDemo(template, demoLang(c.req.query('lang')));
    return c.html(html, 200, { ...PAGE_HEADERS, 'Cache-Control': 'no-cache', 'Content-Language': demoLang(c.req.query('lang')) });
  });
  app.on(['GET', 'HEAD'], '/demo/*', (c) =>
    serveFile(c, demoDir, new URL(c.req.url).pathname.slice('/demo/'.length), {
      types: ASSET_TYPES,
      headers: () => ({ ...PAGE_HEADERS, 'Cache-Control': 'public, max-age=300' }),
    }),
  );
}
