/**
 * PostgreSQL cannot store the NUL character (U+0000) in text or jsonb: a value holding one would fail deep inside an
 * insert as a 500. No one types it, so such a value is refused up front as a field error at its path, like any other
 * invalid answer, in the body and the query (keys count too). A path id holding one simply matches nothing (404).
 * The walk uses its own stack, not recursion: bodies may be nested 200,000 deep.
 */
import type { FieldError } from '../../contract/common.ts';
import { describeFieldError } from './describe.ts';

interface Node { value: unknown; key?: string | number; parent?: Node }

/** The path of a node, built only for the (rare) value found to hold NUL. */
function pathOf(node: Node): (string | number)[] {
  const path: (string | number)[] = [];
  for (let n: Node | undefined = node; n?.parent; n = n.parent) path.push(n.key!);
  return path.reverse();
}

export function nulErrors(value: unknown): FieldError[] {
  const errors: FieldError[] = [];
  const invalid = (node: Node) => errors.push({ path: pathOf(node), code: 'invalid', message: describeFieldError('invalid') });
  const stack: Node[] = [{ value }];
  while (stack.length) {
    const node = stack.pop()!;
    const v = node.value;
    if (typeof v === 'string') {
      if (v.includes('\u0000')) invalid(node);
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], key: i, parent: node });
    } else if (v && typeof v === 'object') {
      for (const [k, item] of Object.entries(v).reverse()) {
        const child = { value: item, key: k, parent: node };
        if (k.includes('\u0000')) invalid(child); else stack.push(child);
      }
    }
  }
  return errors;
}
