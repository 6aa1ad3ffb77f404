/**
 * The tokens our emails put in the page's fragment (`#kentro-manage=…`, `#kentro-guardian=…`). A fragment never
 * reaches any server. Once read, it is taken out of the address bar (and so out of the history a shared computer
 * keeps), without a reload.
 */
export type LinkToken = { kind: 'manage' | 'guardian'; token: string };

const PATTERN = /^#kentro-(manage|guardian)=([A-Za-z0-9_-]{20,100})$/;

export function readLinkToken(): LinkToken | undefined {
  if (typeof location === 'undefined') return undefined;
  const match = PATTERN.exec(location.hash);
  if (!match) return undefined;
  history.replaceState(history.state, '', `${location.pathname}${location.search}`);
  return { kind: match[1] as LinkToken['kind'], token: match[2]! };
}
