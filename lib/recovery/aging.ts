/**
 * Money at ICE by age (DOMAIN.md: refunds that never come back): each open bond
 * falls in a bucket by the time since its I-305 (or payment) date, and carries
 * the interest expected to date (lib/bonds/interest.ts). Pure.
 */
export const AGE_BUCKETS = ["under1", "y1to2", "y2to5", "over5"] as const;
export type AgeBucket = (typeof AGE_BUCKETS)[number];

export const BUCKET_LABEL: Record<AgeBucket, string> = {
  under1: "Under 1 year",
  y1to2: "1–2 years",
  y2to5: "2–5 years",
  over5: "Over 5 years",
};

/** The bucket of a bond deposited on `since` (YYYY-MM-DD), seen on `today`: by whole calendar years. */
function ageBucket(since: string, today: string): AgeBucket {
  const [y0, m0, d0] = since.split("-").map(Number) as [number, number, number];
  const [y1, m1, d1] = today.split("-").map(Number) as [number, number, number];
  let years = y1 - y0;
  if (m1 < m0 || (m1 === m0 && d1 < d0)) years -= 1;
  if (years < 1) return "under1";
  if (years < 2) return "y1to2";
  if (years < 5) return "y2to5";
  return "over5";
}

export interface AgingRow {
  bucket: AgeBucket;
  count: number;
  principalCents: number;
  /** Of that principal, what a refund claim has already been mailed for. */
  claimedCents: number;
  /** Interest expected to date; null when a quarter's rate is missing for some bond in the bucket. */
  interestCents: number | null;
}

export function agingTable(
  bondsAtIce: { since: string; principalCents: number; interestCents: number | null; claimed?: boolean }[],
  today: string,
): AgingRow[] {
  const rows = new Map<AgeBucket, AgingRow>(
    AGE_BUCKETS.map((b) => [b, { bucket: b, count: 0, principalCents: 0, claimedCents: 0, interestCents: 0 }]),
  );
  for (const b of bondsAtIce) {
    const r = rows.get(ageBucket(b.since, today))!;
    r.count += 1;
    r.principalCents += b.principalCents;
    if (b.claimed) r.claimedCents += b.principalCents;
    r.interestCents = r.interestCents === null || b.interestCents === null ? null : r.interestCents + b.interestCents;
  }
  return [...rows.values()];
}

export interface AllowancePolicyRates {
  mode: "by_age" | "per_bond";
  bps: Record<AgeBucket, number>;
}

/** The allowance the policy asks for: Σ principal × rate, each bond rounded half up (integer cents). */
export function allowanceTarget(
  bondsAtIce: { bondId: string; since: string; principalCents: number }[],
  policy: AllowancePolicyRates,
  judgements: ReadonlyMap<string, number>,
  today: string,
): number {
  let total = 0;
  for (const b of bondsAtIce) {
    const bps = policy.mode === "per_bond" ? (judgements.get(b.bondId) ?? 0) : policy.bps[ageBucket(b.since, today)];
    total += Math.floor((b.principalCents * bps + 5000) / 10000);
  }
  return total;
}
