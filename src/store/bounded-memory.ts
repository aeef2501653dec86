/**
 * A small in-process memory that forgets: entries expire after `ttlMs` and the
 * oldest are dropped beyond `maxEntries`, so a busy workspace cannot grow it
 * without bound. The in-process fallback of SharedMemo (see shared-memo.ts).
 */
export class BoundedMemory<V> {
  private readonly entries = new Map<string, { value: V; expiresAt: number }>();

  constructor(
    private readonly maxEntries: number,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  /** `ttlMs` overrides the memory's TTL for this entry (a rate-limit notice lives as long as its window). */
  set(key: string, value: V, ttlMs: number = this.ttlMs): void {
    this.entries.delete(key);
    this.entries.set(key, { value, expiresAt: this.now() + ttlMs });
    // Map iteration is insertion order, so the first keys are the oldest.
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries) break;
      this.entries.delete(oldest);
    }
  }

  /** True the first time a key is seen within the TTL; records it either way. */
  firstSighting(key: string): boolean {
    const seen = this.get(key) !== undefined;
    if (!seen) this.set(key, true as V);
    return !seen;
  }
}
