import { describe, expect, it } from 'vitest';
import { BoundedMemory } from './bounded-memory.ts';

describe('BoundedMemory', () => {
  it('reports a key as new only the first time within the TTL', () => {
    let now = 0;
    const seen = new BoundedMemory<true>(10, 1_000, () => now);
    expect(seen.firstSighting('Ev1')).toBe(true);
    expect(seen.firstSighting('Ev1')).toBe(false);
    now = 1_001;
    expect(seen.firstSighting('Ev1')).toBe(true);
  });

  it('forgets the oldest entries beyond its size so memory stays bounded', () => {
    const memory = new BoundedMemory<number>(2, 60_000);
    memory.set('a', 1);
    memory.set('b', 2);
    memory.set('c', 3);
    expect([memory.get('a'), memory.get('b'), memory.get('c')]).toEqual([undefined, 2, 3]);
  });
});
