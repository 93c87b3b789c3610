/** Latency summaries. Nearest-rank percentiles: no interpolation, so p99 is a latency some transfer actually had. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

export function sortedCopy(values: ArrayLike<number>[]): Float64Array {
  const total = values.reduce((n, v) => n + v.length, 0);
  const out = new Float64Array(total);
  let at = 0;
  for (const v of values) {
    out.set(v, at);
    at += v.length;
  }
  return out.sort();
}
