/**
 * Loads a widget's module the first time its tag appears in the document, so a page pays only for the widgets it
 * shows (the pattern of Shoelace's and Web Awesome's autoloaders). Tags already on the page load at once; tags added
 * later (by a CMS, a script or `innerHTML`) load when a MutationObserver sees them. Observing stops once every
 * tag has loaded.
 */
export type Loaders = Record<string, () => Promise<unknown>>;

export function autoload(loaders: Loaders, root: Document = document): void {
  const pending = new Map(Object.entries(loaders).filter(([tag]) => !customElements.get(tag)));
  const selector = () => [...pending.keys()].join(',');
  /** Tags not yet loaded successfully: a failed load puts its tag back in `pending`. */
  let unloaded = pending.size;

  const scan = (node: Element | Document) => {
    if (pending.size === 0) return;
    const found = new Set<string>();
    if (node instanceof Element && pending.has(node.localName)) found.add(node.localName);
    for (const el of node.querySelectorAll(selector())) found.add(el.localName);
    for (const tag of found) {
      const load = pending.get(tag)!;
      pending.delete(tag);
      load().then(() => {
        if (--unloaded === 0) observer.disconnect();
      }, (error: unknown) => {
        // Another visit may succeed (a flaky network): let the next sighting retry.
        pending.set(tag, load);
        console.error(`kentro: could not load <${tag}>`, error);
      });
    }
  };

  if (pending.size === 0) return;
  const observer = new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) if (node instanceof Element) scan(node);
  });
  observer.observe(root.documentElement, { childList: true, subtree: true });
  scan(root);
}
