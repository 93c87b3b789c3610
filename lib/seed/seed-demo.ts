/**
 * Demo data for a fresh fund, posted through the real ledger. The whole seed is
 * one transaction and skips itself when already applied, so interrupting it and
 * starting again leaves either nothing or everything.
 */
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { bonds, campaigns, donations } from "@/db/schema";
import { processingFee } from "@/lib/donations/fees";
import { bondAccount, campaignAccount, postEntry } from "@/lib/ledger";
import { grantRole } from "@/lib/auth/roles";
import { DEMO_CAMPAIGNS, DEMO_DONOR_NAMES, DEMO_STAFF, type DemoCampaign } from "./demo-data";

const SEED_LOCK = 7_310_442_902;
const PRESETS = [2_500, 5_000, 10_000, 25_000, 2_500, 5_000, 1_000, 7_500, 50_000, 15_000, 2_000, 100_000];
const DAY = 86_400_000;

export interface SeedResult {
  created: boolean;
  campaigns: number;
  donations: number;
}

export async function seedDemo(db: Db, opts: { now?: Date } = {}): Promise<SeedResult> {
  const now = opts.now ?? new Date();
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${SEED_LOCK})`);
    const done = await tx.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.slug, DEMO_CAMPAIGNS[0]!.slug));
    if (done.length) return { created: false, campaigns: 0, donations: 0 };
    let gifts = 0;
    // Oldest first, so the closed campaign's refunded bond is in the general pool before later ones need it.
    for (const demo of [...DEMO_CAMPAIGNS].sort((a, b) => b.ageMonths - a.ageMonths)) {
      gifts += await seedCampaign(tx, demo, now);
    }
    for (const staff of DEMO_STAFF) {
      for (const role of staff.roles) await grantRole(tx, { email: staff.email, role, actorUserId: null });
    }
    return { created: true, campaigns: DEMO_CAMPAIGNS.length, donations: gifts };
  });
}

async function seedCampaign(tx: Db, demo: DemoCampaign, now: Date): Promise<number> {
  const rand = prng(demo.slug);
  const start = new Date(now.getTime() - (demo.ageMonths * 30 + 3) * DAY);
  const [row] = await tx
    .insert(campaigns)
    .values({
      slug: demo.slug,
      alias: demo.alias,
      region: demo.region,
      summary: demo.summary,
      story: demo.story,
      detentionMonth: demo.detentionMonth,
      goalCents: demo.goalCents,
      status: demo.status,
      publishedAt: start,
      createdAt: start,
      updatedAt: start,
    })
    .returning({ id: campaigns.id });
  const id = row!.id;
  const fund = campaignAccount(id);
  // Bond campaigns gather enough to pay the bond after card fees; others stop at their target share.
  const targetNet = demo.bond ? demo.goalCents : Math.round((demo.goalCents * demo.fundedPercent) / 100);
  const spanMs = Math.max(now.getTime() - start.getTime() - DAY, DAY);
  let net = 0;
  let gross = 0;
  let n = 0;
  while ((demo.bond ? net : gross) < targetNet) {
    const amount = PRESETS[Math.floor(rand() * PRESETS.length)]!;
    const at = new Date(start.getTime() + Math.floor((spanMs * n) / 40) % spanMs);
    const anonymous = rand() < 0.3;
    const [gift] = await tx
      .insert(donations)
      .values({
        campaignId: id,
        amountCents: amount,
        displayName: anonymous ? null : DEMO_DONOR_NAMES[Math.floor(rand() * DEMO_DONOR_NAMES.length)]!,
        redirectConsent: rand() < 0.6,
        status: "succeeded",
        createdAt: at,
      })
      .returning({ id: donations.id });
    const fee = processingFee(amount);
    const refs = { donation: gift!.id };
    await postEntry(tx, { idempotencyKey: `seed:${demo.slug}:gift:${n}`, kind: "donation", campaignId: id, refs, effectiveAt: at, debits: [{ account: "stripe", amount }], credits: [{ account: fund, amount }] });
    await postEntry(tx, { idempotencyKey: `seed:${demo.slug}:fee:${n}`, kind: "processing_fee", campaignId: id, refs, effectiveAt: at, debits: [{ account: fund, amount: fee }], credits: [{ account: "stripe", amount: fee }] });
    net += amount - fee;
    gross += amount;
    n++;
  }
  if (demo.ageMonths > 0) {
    const payoutAt = new Date(now.getTime() - 2 * DAY);
    await postEntry(tx, { idempotencyKey: `seed:${demo.slug}:payout`, kind: "payout", effectiveAt: payoutAt, debits: [{ account: "bank", amount: net }], credits: [{ account: "stripe", amount: net }] });
  }
  if (demo.bond) await seedBond(tx, demo, id, net, start, now);
  return n;
}

async function seedBond(tx: Db, demo: DemoCampaign, campaignId: string, net: number, start: Date, now: Date) {
  const amount = demo.goalCents;
  const paidAt = new Date(start.getTime() + 20 * DAY);
  const [bond] = await tx
    .insert(bonds)
    .values({ campaignId, amountCents: amount, status: demo.bond === "refunded" ? "refunded" : "posted", createdAt: paidAt })
    .returning({ id: bonds.id });
  const bondId = bond!.id;
  const fund = campaignAccount(campaignId);
  await postEntry(tx, {
    idempotencyKey: `seed:${demo.slug}:bond-payment`,
    kind: "bond_payment",
    campaignId,
    effectiveAt: paidAt,
    debits: [{ account: bondAccount(bondId), amount }, { account: fund, amount }],
    credits: [{ account: "bank", amount }, { account: "bonds_outstanding", amount }],
  });
  if (net > amount) {
    await postEntry(tx, { idempotencyKey: `seed:${demo.slug}:overflow`, kind: "reallocation", campaignId, effectiveAt: paidAt, memo: "Overfunding moved to the general pool after the bond was posted", debits: [{ account: fund, amount: net - amount }], credits: [{ account: "general", amount: net - amount }] });
  }
  if (demo.bond !== "refunded") return;
  const refundedAt = new Date(now.getTime() - 20 * DAY);
  const days = Math.floor((refundedAt.getTime() - paidAt.getTime()) / DAY);
  const interest = Math.floor((amount * 275 * days) / (10_000 * 365)); // 2.75% a year, simple, for the demo only
  await postEntry(tx, {
    idempotencyKey: `seed:${demo.slug}:bond-refund`,
    kind: "bond_refund",
    campaignId,
    effectiveAt: refundedAt,
    debits: [{ account: "bank", amount }, { account: "bonds_outstanding", amount }],
    credits: [{ account: bondAccount(bondId), amount }, { account: "general", amount }],
  });
  if (interest > 0) {
    await postEntry(tx, { idempotencyKey: `seed:${demo.slug}:bond-interest`, kind: "interest", campaignId, effectiveAt: refundedAt, debits: [{ account: "bank", amount: interest }], credits: [{ account: "general", amount: interest }] });
  }
}

/** Deterministic per campaign, so demo data looks the same on every machine. */
function prng(seed: string): () => number {
  let h = 2166136261;
  for (const ch of seed) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return () => {
    h = (h + 0x6d2b79f5) | 0;
    let t = Math.imul(h ^ (h >>> 15), 1 | h);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
