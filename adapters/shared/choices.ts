/** Items with a repeated key dropped (platforms reject a message whose button ids repeat), first one kept. */
export function uniqueBy<T>(items: readonly T[], key: (item: T) => string | undefined): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (k === undefined || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Consecutive groups of at most `size` (buttons per row, blocks per message...). */
export function inGroupsOf<T>(items: readonly T[], size: number): T[][] {
  const groups: T[][] = [];
  for (let i = 0; i < items.length; i += size) groups.push(items.slice(i, i + size));
  return groups;
}
