/**
 * Links in messages lead back to the page the person signed up on, with the token in the fragment (never sent to
 * any server, kept out of logs and Referer headers), where the widget opens in manage or guardian mode. The page
 * counts only when its origin is the server's own or a council site allowed to embed the widgets; anything else
 * (a form posted from elsewhere could name any page) falls back to the server's own page.
 */
import type { Config } from '../config.ts';

export type LinkSettings = Pick<Config, 'publicUrl' | 'allowedOrigins'>;

/** The page URL to keep (without fragment), or undefined when it is not on an allowed origin. */
export function acceptedPageUrl(raw: string | undefined, settings: LinkSettings): string | undefined {
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password) return undefined;
  const allowed = new Set([...settings.allowedOrigins, new URL(settings.publicUrl).origin]);
  if (!allowed.has(url.origin)) return undefined;
  url.hash = '';
  return url.toString();
}

const pageOf = (pageUrl: string | null, settings: Pick<Config, 'publicUrl'>) => pageUrl ?? `${settings.publicUrl}/`;

export const manageLink = (pageUrl: string | null, settings: Pick<Config, 'publicUrl'>, token: string) =>
  `${pageOf(pageUrl, settings)}#kentro-manage=${token}`;

export const guardianLink = (pageUrl: string | null, settings: Pick<Config, 'publicUrl'>, token: string) =>
  `${pageOf(pageUrl, settings)}#kentro-guardian=${token}`;
