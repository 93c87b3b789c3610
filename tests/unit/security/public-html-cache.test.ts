/**
 * The public pages' HTML cache (lib/cache/public-html.ts), against a stand-in for this server:
 * a plain HTTP server on a free port that answers the cache's render request the way proxy.ts
 * and a page do (it asks renderToken for the token, and writes it where Next.js writes a nonce).
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { cachedPage, renderToken, servesFromCache } from "@/lib/cache/public-html";

const PAGE_LOAD = { accept: "text/html,application/xhtml+xml,*/*;q=0.8", "sec-fetch-dest": "document" };
const bump = () => {
  const counter = ((globalThis as Record<symbol, { n: number } | undefined>)[Symbol.for("openbond.revalidations")] ??= {
    n: 0,
  });
  counter.n += 1;
};

let server: Server;
let renders: string[] = [];
let answer: (path: string, token: string | null) => { status: number; body: string; delay?: number } = () => ({
  status: 200,
  body: "",
});

function headersOf(req: IncomingMessage): Headers {
  const h = new Headers();
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") h.set(k, v);
  return h;
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const token = renderToken(headersOf(req));
    renders.push(req.url!);
    const { status, body, delay } = answer(req.url!, token);
    setTimeout(() => {
      res.writeHead(status, {
        "content-type": "text/html; charset=utf-8",
        link: `</app.css>; rel=preload; as="style"; nonce="${token}"`,
        "set-cookie": "NEXT_LOCALE=en; Path=/",
      });
      res.end(body);
    }, delay ?? 0);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  process.env.PORT = String((server.address() as AddressInfo).port);
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

beforeEach(() => {
  bump(); // nothing from an earlier test is fresh
  renders = [];
  answer = (path, token) => ({
    status: 200,
    body: `<html><script nonce="${token}">1</script><p>${path}</p>{"nonce":"${token}"}</html>`,
  });
});

describe("which requests the cache answers", () => {
  const ok = (path: string, search = "", headers: Record<string, string> = PAGE_LOAD, method = "GET") =>
    servesFromCache(method, path, search, new Headers(headers));

  it("a browser's page load of the home page or a campaign, in either language", () => {
    for (const path of ["/", "/es", "/campaigns/amara-texas", "/es/campaigns/amara-texas"])
      expect(ok(path), path).toBe(true);
  });

  it("no other page, no query, no other method", () => {
    for (const path of [
      "/transparency",
      "/give/thanks",
      "/campaigns/a/transparency",
      "/es/",
      "/campaigns/Amara",
      "/my-gifts",
    ])
      expect(ok(path), path).toBe(false);
    expect(ok("/", "?status=all")).toBe(false);
    expect(ok("/campaigns/amara-texas", "?x=1")).toBe(false);
    expect(ok("/", "", PAGE_LOAD, "HEAD")).toBe(false);
    expect(ok("/", "", PAGE_LOAD, "POST")).toBe(false);
  });

  it("not the client router's fetches, which accept anything and are not documents", () => {
    expect(ok("/campaigns/amara-texas", "", { accept: "*/*" })).toBe(false);
    expect(ok("/campaigns/amara-texas", "", {})).toBe(false);
    expect(ok("/campaigns/amara-texas", "", { accept: "text/html", "sec-fetch-dest": "empty" })).toBe(false);
  });

  it("not its own render request, even with a forged secret", () => {
    expect(ok("/", "", { ...PAGE_LOAD, "x-openbond-render": "x" })).toBe(false);
  });
});

describe("the render token", () => {
  it("is honoured only with this process's secret", () => {
    const token = "AAAAAAAAAAAAAAAAAAAAAA==";
    expect(renderToken(new Headers({ "x-openbond-render-nonce": token }))).toBeNull();
    expect(renderToken(new Headers({ "x-openbond-render": "guess", "x-openbond-render-nonce": token }))).toBeNull();
    expect(renderToken(new Headers({ "x-openbond-render": "", "x-openbond-render-nonce": token }))).toBeNull();
  });
});

describe("serving a cached page", () => {
  it("renders once, then gives every response its own nonce, never the token", async () => {
    const tokens: (string | null)[] = [];
    answer = (path, token) => (tokens.push(token), { status: 200, body: `<script nonce="${token}"></script>${path}` });
    const a = await cachedPage("/campaigns/x", "NONCE-A");
    const b = await cachedPage("/campaigns/x", "NONCE-B");
    expect(renders).toEqual(["/campaigns/x"]);
    expect(tokens[0]).toMatch(/^[A-Za-z0-9+/]{22}==$/); // the server recognised its own render request
    expect(await a!.text()).toBe('<script nonce="NONCE-A"></script>/campaigns/x');
    expect(await b!.text()).toBe('<script nonce="NONCE-B"></script>/campaigns/x');
    expect(b!.headers.get("link")).toBe('</app.css>; rel=preload; as="style"; nonce="NONCE-B"');
    // The render's cookies are not handed to visitors.
    expect(b!.headers.get("set-cookie")).toBeNull();
  });

  it("renders again after any revalidation", async () => {
    await cachedPage("/", "N1");
    await cachedPage("/", "N2");
    bump();
    await cachedPage("/", "N3");
    expect(renders).toEqual(["/", "/"]);
  });

  it("renders again once its copy is 5 s old", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      await cachedPage("/campaigns/z", "N1");
      vi.setSystemTime(Date.now() + 4_900);
      await cachedPage("/campaigns/z", "N2");
      expect(renders).toEqual(["/campaigns/z"]);
      vi.setSystemTime(Date.now() + 200);
      await cachedPage("/campaigns/z", "N3");
      expect(renders).toEqual(["/campaigns/z", "/campaigns/z"]);
    } finally {
      vi.useRealTimers();
    }
  });

  it("shares one render among visitors who arrive while it runs", async () => {
    answer = (path, token) => ({ status: 200, body: `${token}${path}`, delay: 50 });
    const pages = await Promise.all(["a", "b", "c"].map((n) => cachedPage("/es", n)));
    expect(renders).toEqual(["/es"]);
    expect(await Promise.all(pages.map((p) => p!.text()))).toEqual(["a/es", "b/es", "c/es"]);
  });

  it("serves a render that a revalidation overtook only to those who waited for it", async () => {
    answer = (path, token) => ({ status: 200, body: `${token}`, delay: 50 });
    const during = cachedPage("/es/campaigns/y", "N1");
    await new Promise((r) => setTimeout(r, 10));
    bump();
    expect(await (await during)!.text()).toBe("N1");
    await cachedPage("/es/campaigns/y", "N2");
    expect(renders).toEqual(["/es/campaigns/y", "/es/campaigns/y"]);
  });

  it("answers null (render as usual) for anything but a 200 page, and keeps nothing", async () => {
    answer = () => ({ status: 404, body: "not found" });
    expect(await cachedPage("/campaigns/gone", "N")).toBeNull();
    answer = () => ({ status: 500, body: "error" });
    expect(await cachedPage("/campaigns/gone", "N")).toBeNull();
    expect(renders).toEqual(["/campaigns/gone", "/campaigns/gone"]);
  });

  it("renders as usual for a minute when this server cannot reach itself", async () => {
    const live = process.env.PORT;
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, "127.0.0.1", r));
    process.env.PORT = String((closed.address() as AddressInfo).port);
    await new Promise<void>((r) => closed.close(() => r()));
    try {
      expect(await cachedPage("/", "N1")).toBeNull();
    } finally {
      process.env.PORT = live;
    }
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      expect(await cachedPage("/", "N2")).toBeNull(); // not even tried
      expect(renders).toEqual([]);
      vi.setSystemTime(Date.now() + 60_001);
      expect(await (await cachedPage("/", "N3"))!.text()).toContain('nonce="N3"');
      expect(renders).toEqual(["/"]);
    } finally {
      vi.useRealTimers();
    }
  });
});
