/**
 * A module fetched on first use and kept: `value` once it has arrived (so callers stay synchronous when it has),
 * `get()` to wait for it. A failed fetch (offline) is tried again on the next `get()`.
 */
export class Lazy<T> {
  value?: T;
  private pending?: Promise<T>;

  constructor(private readonly load: () => Promise<T>) {}

  get(): Promise<T> {
    this.pending ??= this.load().then(
      (module) => (this.value = module),
      (error: unknown) => { this.pending = undefined; throw error; },
    );
    return this.pending;
  }

  /** Starts the fetch early (when the widget connects) without waiting or failing. */
  preload(): void {
    this.get().catch(() => undefined);
  }
}
