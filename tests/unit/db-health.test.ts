import { describe, expect, it } from "vitest";
import { dbGate, faultSinceLastOk, noteDbFault, noteDbOk, registerDbProbe, type DbHealthState } from "@/db/health";
import { resilientPool } from "@/db/resilient-pool";
import { audienceFor, safeReturnPath, unavailableHtml, unavailableResponse } from "@/lib/outage/page-html";

const fresh = (): DbHealthState => ({ lastFaultAt: 0, lastOkAt: 0, probing: null, lastProbeFailedAt: 0 });
const clock = (start = 1_000_000) => {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
};

describe("dbGate", () => {
  it("passes without probing while no fault has been seen since the last success", async () => {
    const s = fresh();
    let probes = 0;
    registerDbProbe(async () => void probes++, s);
    expect(await dbGate(s)).toEqual({ ok: true });
    noteDbFault(s, 10);
    noteDbOk(s, 20);
    expect(faultSinceLastOk(s)).toBe(false);
    expect(await dbGate(s)).toEqual({ ok: true });
    expect(probes).toBe(0);
  });

  it("after a fault, passes when the probe succeeds (and marks the database healthy)", async () => {
    const s = fresh();
    const c = clock();
    let probes = 0;
    registerDbProbe(async () => void probes++, s);
    noteDbFault(s, c.now());
    c.advance(5);
    expect(await dbGate(s, { now: c.now })).toEqual({ ok: true });
    expect(probes).toBe(1);
    expect(faultSinceLastOk(s)).toBe(false);
    expect(await dbGate(s, { now: c.now })).toEqual({ ok: true });
    expect(probes).toBe(1);
  });

  it("answers 503 when the probe fails, and does not probe again within reprobeAfterMs", async () => {
    const s = fresh();
    const c = clock();
    let probes = 0;
    registerDbProbe(async () => {
      probes++;
      throw Object.assign(new Error("refused"), { code: "ECONNREFUSED" });
    }, s);
    noteDbFault(s, c.now());
    const first = await dbGate(s, { now: c.now, reprobeAfterMs: 1000 });
    expect(first.ok).toBe(false);
    expect(first.ok ? 0 : first.retryAfterSeconds).toBeGreaterThan(0);
    c.advance(500);
    expect((await dbGate(s, { now: c.now, reprobeAfterMs: 1000 })).ok).toBe(false);
    expect(probes).toBe(1);
    c.advance(600);
    expect((await dbGate(s, { now: c.now, reprobeAfterMs: 1000 })).ok).toBe(false);
    expect(probes).toBe(2);
  });

  it("shares one probe among concurrent requests and answers 503 when it hangs past probeWaitMs", async () => {
    const s = fresh();
    let probes = 0;
    let release: () => void = () => {};
    registerDbProbe(
      () =>
        new Promise<void>((r) => {
          probes++;
          release = r;
        }),
      s,
    );
    noteDbFault(s);
    const verdicts = await Promise.all([
      dbGate(s, { probeWaitMs: 30 }),
      dbGate(s, { probeWaitMs: 30 }),
      dbGate(s, { probeWaitMs: 30 }),
    ]);
    expect(verdicts.map((v) => v.ok)).toEqual([false, false, false]);
    expect(probes).toBe(1);
    // The database answers at last: the next request passes on the same probe.
    const next = dbGate(s, { probeWaitMs: 1000 });
    release();
    expect(await next).toEqual({ ok: true });
    expect(probes).toBe(1);
  });

  it("without a probe, answers 503 only for a short window after a fault", async () => {
    const s = fresh();
    const c = clock();
    noteDbFault(s, c.now());
    expect((await dbGate(s, { now: c.now, noProbeWindowMs: 3000 })).ok).toBe(false);
    c.advance(3001);
    expect(await dbGate(s, { now: c.now, noProbeWindowMs: 3000 })).toEqual({ ok: true });
  });
});

describe("resilientPool health reporting", () => {
  // A stand-in for postgres.js: `unsafe` returns a thenable that resolves or rejects as told.
  const fakeSql = (behave: () => Promise<unknown>) => {
    const sql = {
      options: { parsers: {}, serializers: {} },
      unsafe: () => {
        const p = behave();
        return { then: p.then.bind(p), values: () => p };
      },
      begin: () => behave(),
      end: async () => {},
    };
    return sql as never;
  };

  it("notes successes, faults and answers, and registers a probe that runs a query", async () => {
    const s = fresh();
    let mode: "ok" | "fault" | "constraint" = "ok";
    const pool = resilientPool(
      () =>
        fakeSql(async () => {
          if (mode === "fault") throw Object.assign(new Error("terminated"), { code: "57P01" });
          if (mode === "constraint") throw Object.assign(new Error("duplicate"), { code: "23505" });
          return [{ ok: 1 }];
        }),
      {
        callTimeoutMs: 1000,
        readRetry: { budgetMs: 0, firstDelayMs: 1 },
        retireGraceSeconds: 0,
        minSwapIntervalMs: 0,
        health: s,
      },
    );
    expect(typeof s.probe).toBe("function");
    mode = "fault";
    await expect(Promise.resolve(pool.client.unsafe("insert into t values (1)"))).rejects.toThrow("terminated");
    expect(faultSinceLastOk(s)).toBe(true);
    expect((await dbGate(s, { reprobeAfterMs: 0 })).ok).toBe(false);
    mode = "constraint";
    await new Promise((r) => setTimeout(r, 2));
    await expect(Promise.resolve(pool.client.unsafe("insert into t values (1)"))).rejects.toThrow("duplicate");
    expect(faultSinceLastOk(s)).toBe(false);
    mode = "ok";
    noteDbFault(s, Date.now() + 1);
    await new Promise((r) => setTimeout(r, 5));
    expect(await dbGate(s)).toEqual({ ok: true });
    await pool.end();
    expect(s.probe).toBeUndefined();
  });
});

describe("the 503 page", () => {
  it("sends the visitor back only to a path on this site", () => {
    expect(safeReturnPath("/es/campaigns/x?y=1")).toBe("/es/campaigns/x?y=1");
    for (const bad of [
      null,
      "",
      "https://evil.example/",
      "//evil.example/",
      "/\\evil.example",
      "javascript:alert(1)",
      "/a\nb",
    ])
      expect(safeReturnPath(bad)).toBe("/");
  });

  it("speaks the visitor's language first on donor pages, English to staff", () => {
    expect(audienceFor("/es")).toBe("es");
    expect(audienceFor("/es/transparency?x=1")).toBe("es");
    expect(audienceFor("/campaigns/a")).toBe("en");
    expect(audienceFor("/treasury/bonds")).toBe("staff");
    expect(audienceFor("/estonia")).toBe("en");
    const es = unavailableHtml({ audience: "es", retryPath: "/es" });
    expect(es.indexOf("base de datos")).toBeLessThan(es.indexOf("trouble reaching our database"));
    expect(unavailableHtml({ audience: "staff", retryPath: "/treasury" })).not.toContain("base de datos");
    expect(unavailableHtml({ audience: "en", retryPath: '/"><script>' })).not.toContain("<script>");
  });

  it("is a 503 with Retry-After that is never cached", async () => {
    const res = unavailableResponse({ path: "/transparency" });
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("5");
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.text()).toContain("We're having trouble reaching our database");
    expect(await unavailableResponse({ path: "/", method: "HEAD" }).text()).toBe("");
  });
});
