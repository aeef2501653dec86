/** Nearest-rank percentile (q in 0..1) of unsorted samples: the value at rank ceil(q·n). */
export function percentile(samples: readonly number[], q: number): number {
  if (!samples.length) return 0;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1] ?? 0;
}
