/** Reading and writing nested answers by a dotted path (`contact.email`), the same path the server reports. */
import type { FieldPath } from '../contract/common.ts';

export const pathKey = (path: FieldPath | string) => (typeof path === 'string' ? path : path.join('.'));

/** A DOM id for a field: `contact.email` → `f-contact-email`. */
export const fieldId = (path: string) => `f-${path.replace(/[^\w-]+/g, '-')}`;

export function getPath(source: unknown, path: string): unknown {
  let node = source;
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/** A copy of `source` with `path` set to `value`; empty strings and empty lists remove the answer. */
export function setPath<T extends Record<string, unknown>>(source: T, path: string, value: unknown): T {
  const parts = path.split('.');
  const root: Record<string, unknown> = { ...source };
  let node = root;
  for (const part of parts.slice(0, -1)) {
    const next = node[part];
    node = node[part] = next !== null && typeof next === 'object' && !Array.isArray(next) ? { ...(next as Record<string, unknown>) } : {};
  }
  const last = parts[parts.length - 1];
  if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) delete node[last];
  else node[last] = value;
  return root as T;
}
