/**
 * Demo data for a fresh fund, posted through the real ledger. The whole seed is
 * one transaction and skips itself when already applied, so interrupting it and
 * starting again leaves either nothing or everything.
 */
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { campaigns, donations, interestRates, lawyerProfiles } from "@/db/schema";
import { processingFee } from "@/lib/donations/fees";
import { campaignAccount, postEntry } from "@/lib/ledger";
import { donationEntry, payoutEntry, processingFeeEntry } from "@/lib/ledger/entries";
import { ensureUser, grantRole, rolesOf } from "@/lib/auth/roles";
import { DEMO_CAMPAIGNS, DEMO_DONOR_NAMES, DEMO_STAFF, type DemoCampaign } from "./demo-data";
import { DAY, seedBond, type Staff } from "./seed-bond";

const SEED_LOCK = 7_310_442_902;
const PRESETS = [2_500, 5_000, 10_000, 25_000, 2_500, 5_000, 1_000, 7_500, 50_000, 15_000, 2_000, 100_000];

export interface SeedResult {
  created: boolean;
  campaigns: number;
  donations: number;
}

export async function seedDemo(db: Db, opts: { now?: Date } = {}): Promise<SeedResult> {
  const now = opts.now ?? new Date();
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${SEED_LOCK})`);
    const done = await tx
      .select({ id: campaigns.id })
      .from(campaigns)
      .where(eq(campaigns.slug, DEMO_CAMPAIGNS[0]!.slug));
    if (done.length) return { created: false, campaigns: 0, donations: 0 };
    const staff = await seedStaff(tx);
    await seedInterestRates(tx, now);
    let gifts = 0;
    // Oldest first, so the closed campaign's refunded bond is in the general pool before later ones need it.
    for (const demo of [...DEMO_CAMPAIGNS].sort((a, b) => b.ageMonths - a.ageMonths)) {
      gifts += await seedCampaign(tx, demo, now, staff);
    }
    return { created: true, campaigns: DEMO_CAMPAIGNS.length, donations: gifts };
  });
}

async function seedStaff(tx: Db): Promise<Staff> {
  const out: Partial<Staff> = {};
  for (const s of DEMO_STAFF) {
    const { userId } = await ensureUser(tx, s.email);
    for (const role of s.roles) await grantRole(tx, { email: s.email, role, actorUserId: null });
    out[s.email.split("@")[0] as keyof Staff] = { userId, roles: await rolesOf(tx, userId) };
  }
  for (const [key, n] of [
    ["lawyer", 1],
    ["lawyer2", 2],
  ] as const) {
    await tx.insert(lawyerProfiles).values({
      userId: out[key]!.userId,
      fullName: `Demo Lawyer ${n}`,
      barNumber: `LA-0000${n}`,
      barState: "LA",
      eoirId: `DEMO0${n}`,
      firm: "Demo Immigration Clinic",
      status: "verified",
      reviewedBy: out.admin!.userId,
      reviewedAt: new Date(),
    });
  }
  return out as Staff;
}

/** Treasury's cap applies in every quarter of the demo period (T-bill yields were above 3%); replace with published rates. */
async function seedInterestRates(tx: Db, now: Date) {
  const rows = [];
  for (let y = now.getUTCFullYear() - 3; y <= now.getUTCFullYear(); y++)
    for (const m of ["01", "04", "07", "10"]) rows.push({ quarterStart: `${y}-${m}-01`, rateBps: 300 });
  await tx.insert(interestRates).values(rows).onConflictDoNothing();
}

async function seedCampaign(tx: Db, demo: DemoCampaign, now: Date, staff: Staff): Promise<number> {
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
      // Bond campaigns start funded; the real bond functions move them on.
      status: demo.bond ? "funded" : demo.status,
      lawyerUserId: staff.lawyer.userId,
      publishedAt: start,
      createdAt: start,
      updatedAt: start,
    })
    .returning({ id: campaigns.id });
  const id = row!.id;
  const fund = campaignAccount(id);
  // Bond campaigns gather enough to pay the bond after card fees; others stop at their target share.
  const targetNet = demo.bond ? demo.goalCents : Math.round((demo.goalCents * demo.fundedPercent) / 100);
  // A bond campaign's gifts and their payout come before the bond is paid (day 20), so the books read in date order never run a fund below zero.
  const spanMs = demo.bond ? 18 * DAY : Math.max(now.getTime() - start.getTime() - DAY, DAY);
  let net = 0;
  let gross = 0;
  let n = 0;
  while ((demo.bond ? net : gross) < targetNet) {
    const amount = PRESETS[Math.floor(rand() * PRESETS.length)]!;
    const at = new Date(start.getTime() + (Math.floor((spanMs * n) / 40) % spanMs));
    const anonymous = rand() < 0.3;
    const fee = processingFee(amount);
    const [gift] = await tx
      .insert(donations)
      .values({
        campaignId: id,
        amountCents: amount,
        displayName: anonymous ? null : DEMO_DONOR_NAMES[Math.floor(rand() * DEMO_DONOR_NAMES.length)]!,
        // Invented demo names, as if an admin had already reviewed them (issue 11).
        displayNameReview: "approved",
        redirectConsent: rand() < 0.6,
        status: "succeeded",
        feeCents: fee,
        succeededAt: at,
        createdAt: at,
      })
      .returning({ id: donations.id });
    const refs = { donation: gift!.id };
    const meta = { campaignId: id, refs, effectiveAt: at };
    await postEntry(tx, donationEntry({ ...meta, idempotencyKey: `seed:${demo.slug}:gift:${n}` }, amount));
    const bornBy = [{ account: fund, amount: fee }];
    await postEntry(tx, processingFeeEntry({ ...meta, idempotencyKey: `seed:${demo.slug}:fee:${n}` }, bornBy));
    net += amount - fee;
    gross += amount;
    n++;
  }
  if (demo.ageMonths > 0) {
    const payoutAt = demo.bond ? new Date(start.getTime() + 19 * DAY) : new Date(now.getTime() - 2 * DAY);
    await postEntry(tx, payoutEntry({ idempotencyKey: `seed:${demo.slug}:payout`, effectiveAt: payoutAt }, net));
  }
  if (demo.bond) await seedBond(tx, demo, id, start, now, staff);
  return n;
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
