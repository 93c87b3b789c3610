/**
 * Campaign page under load: production servers (`next start`) on PostgreSQL,
 * autocannon against one campaign's public page, with 10,000 postings in the
 * ledger and with 1,000,000. Targets (from the issue): ≥ 500 req/s and p99 ≤
 * 100 ms at both sizes, req/s(10k) / req/s(1M) ≤ 1.2.
 *
 * The two sizes live in two databases behind two servers, measured in
 * alternating rounds: on a shared machine the load drifts over a minute, and
 * measuring one size after the other put that drift into the ratio (runs gave
 * 0.47 and 1.88 for the same code).
 */
import autocannon from "autocannon";
import { sql } from "drizzle-orm";
import { openDb, type Db, type DbHandle } from "@/db/client";
import { listDonorWall } from "@/lib/campaigns/campaign-page";
import { getPublicCampaign } from "@/lib/campaigns/queries";
import { createBenchDatabase, type BenchDatabase } from "./bench-db";
import type { Figure } from "./report";
import { BENCH_PORTS, ensureBuild, PAGE_LOAD_HEADERS, startServer, type RunningServer } from "./server";
import { bulkDonations, createCampaigns, verifyBooks } from "./synthetic";

const CAMPAIGNS = 10;
const CONNECTIONS = 10;
const WARMUP_S = 3;
const ROUNDS = 3;
const RPS_TARGET = 500;
const P99_TARGET_MS = 100;
const RATIO_TARGET = 1.2;

export interface PageBenchOptions {
  db: Db;
  url: string;
  repoRoot: string;
  seconds: number;
  emit: (f: Figure) => void;
  note: (text: string) => void;
}

interface Size {
  label: string;
  postings: number;
  port: number;
  db?: Db;
  url?: string;
  path?: string;
  /** What a cache miss adds in the database (dataQueryMs). */
  missMs?: number;
  server?: RunningServer;
  rounds: { requests: number; seconds: number; p50: number; p99: number; bad: number }[];
}

/** What a cache miss costs in the database: the page's two heaviest reads, median of 5 (context: its data is cached). */
async function dataQueryMs(db: Db, slug: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = process.hrtime.bigint();
    const c = await getPublicCampaign(db, slug);
    await listDonorWall(db, c!.id, { showAmounts: true });
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return times.sort((a, b) => a - b)[2]!;
}

async function load(url: string, seconds: number) {
  const r = await autocannon({ url, connections: CONNECTIONS, duration: seconds, headers: PAGE_LOAD_HEADERS });
  return {
    requests: r.requests.total,
    seconds: r.duration,
    p50: r.latency.p50,
    p99: r.latency.p99,
    bad: r.non2xx + r.errors + r.timeouts,
  };
}

/** Campaigns and gifts (2 postings each) for one size; the measured campaign gets 1 in CAMPAIGNS of them. */
async function fill(o: PageBenchOptions, s: Size): Promise<void> {
  const t0 = Date.now();
  const campaigns = await createCampaigns(s.url!, "bench-page", CAMPAIGNS);
  await bulkDonations(s.url!, {
    campaignIds: campaigns.map((c) => c.id),
    from: 0,
    to: s.postings / 2,
    prefix: "bench-page",
    donationRows: true,
  });
  // As a live database would be: statistics and visibility map current, and the bulk write's
  // WAL checkpointed now rather than during the measurement.
  await s.db!.execute(sql`VACUUM ANALYZE journal_entries, ledger_postings, ledger_accounts, donations`);
  await s.db!.execute(sql`CHECKPOINT`);
  const books = await verifyBooks(s.db!);
  o.emit({ name: `page ${s.label}: generate + verify books`, value: (Date.now() - t0) / 1000, unit: "s", pass: null });
  o.emit({ name: `page ${s.label}: books after generation`, value: books.detail, target: "all 0", pass: books.ok });
  if (!books.ok) throw new Error(`books do not balance after generating ${s.label}`);
  s.missMs = await dataQueryMs(s.db!, campaigns[0]!.slug);
  o.emit({ name: `page ${s.label}: campaign data query on a cache miss`, value: s.missMs, unit: "ms", pass: null });
  s.path = `/campaigns/${campaigns[0]!.slug}`;
}

export async function runPageBench(o: PageBenchOptions): Promise<void> {
  console.log(
    `\ncampaign page under load (${CONNECTIONS} connections, ${ROUNDS} alternating rounds, ${o.seconds} s per size)`,
  );
  ensureBuild(o.repoRoot);
  const sizes: Size[] = [
    { label: "10k postings", postings: 10_000, port: BENCH_PORTS.page, db: o.db, url: o.url, rounds: [] },
    { label: "1M postings", postings: 1_000_000, port: BENCH_PORTS.pageLarge, rounds: [] },
  ];
  let second: BenchDatabase | undefined;
  let secondHandle: DbHandle | undefined;
  try {
    second = await createBenchDatabase(o.url);
    secondHandle = await openDb({ url: second.url, poolMax: 2 });
    sizes[1]!.db = secondHandle.db;
    sizes[1]!.url = second.url;
    for (const s of sizes) await fill(o, s);
    for (const s of sizes) {
      s.server = await startServer({ repoRoot: o.repoRoot, port: s.port, databaseUrl: s.url!, readyPath: s.path });
      const res = await fetch(s.server.origin + s.path);
      const html = await res.text();
      if (res.status !== 200 || !html.includes("Bench 0"))
        throw new Error(`${s.path} answered ${res.status} without the campaign`);
      await load(s.server.origin + s.path, WARMUP_S);
    }
    for (let round = 0; round < ROUNDS; round++) {
      for (const s of round % 2 ? [...sizes].reverse() : sizes)
        s.rounds.push(await load(s.server!.origin + s.path, o.seconds / ROUNDS));
    }
  } finally {
    for (const s of sizes) await s.server?.stop();
    await secondHandle?.close();
    await second?.drop();
  }
  const rps: number[] = [];
  for (const s of sizes) {
    const r = s.rounds;
    const perSecond = r.reduce((n, x) => n + x.requests, 0) / r.reduce((n, x) => n + x.seconds, 0);
    // The worst round's p99: autocannon reports percentiles per run, and the worst is the honest bound.
    const p99 = Math.max(...r.map((x) => x.p99));
    const p50 = r.map((x) => x.p50).sort((a, b) => a - b)[Math.floor(r.length / 2)]!;
    const bad = r.reduce((n, x) => n + x.bad, 0);
    rps.push(perSecond);
    o.emit({
      name: `page ${s.label}: req/s`,
      value: perSecond,
      target: `≥ ${RPS_TARGET}`,
      pass: perSecond >= RPS_TARGET,
    });
    o.emit({ name: `page ${s.label}: p50 latency (median round)`, value: p50, unit: "ms", pass: null });
    o.emit({
      name: `page ${s.label}: p99 latency (worst round)`,
      value: p99,
      unit: "ms",
      target: `≤ ${P99_TARGET_MS} ms`,
      pass: p99 <= P99_TARGET_MS,
    });
    o.emit({ name: `page ${s.label}: errors and non-2xx`, value: bad, target: "0", pass: bad === 0 });
  }
  const ratio = rps[0]! / rps[1]!;
  o.emit({
    name: "page: req/s ratio 10k / 1M postings",
    value: ratio,
    target: `≤ ${RATIO_TARGET}`,
    pass: ratio <= RATIO_TARGET,
  });
  // Item 3's "a cache miss costs the same at 1M postings as at 10k".
  const missRatio = sizes[1]!.missMs! / sizes[0]!.missMs!;
  o.emit({
    name: "page: cache-miss data query 1M / 10k postings",
    value: missRatio,
    target: `≤ ${RATIO_TARGET}`,
    pass: missRatio <= RATIO_TARGET,
  });
  o.note(
    `page: the campaign page renders per request (a CSP nonce per response) from its data in Next's data cache (30 s, and expired at once when money is booked), so the load measures rendering without queries; "data query on a cache miss" is what a cache miss adds in the database`,
  );
  o.note(
    `page: GET /campaigns/bench-page-0 with the headers a browser sends to load a page (so from the page cache, lib/cache/public-html.ts; one of ${CAMPAIGNS} campaigns, so 1 in ${CAMPAIGNS} gifts and their donation rows); two databases and two servers, autocannon ${CONNECTIONS} connections, ${ROUNDS} alternating rounds of ${(o.seconds / ROUNDS).toFixed(1)} s after a ${WARMUP_S} s warm-up each; next start and PostgreSQL on the same machine`,
  );
}
