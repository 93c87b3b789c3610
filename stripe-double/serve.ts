import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { DoubleCore } from "./core";
import { handleHttp } from "./handle-http";

export interface DoubleServer {
  /** Origin to give the app as STRIPE_API_BASE, e.g. http://127.0.0.1:3611. */
  url: string;
  port: number;
  /** Requests served so far (benchmarks report it). */
  requests(): number;
  close(): Promise<void>;
}

/**
 * Serve the double's Stripe API over real HTTP, like stripe-mock: the app's SDK
 * reaches it through STRIPE_API_BASE, and its state outlives app restarts.
 * Same code path as the in-process client (handleHttp), so the same auth,
 * idempotency and errors. Never mounted by the app itself.
 */
export async function serveDouble(
  core: DoubleCore,
  opts: { port?: number; host?: string } = {},
): Promise<DoubleServer> {
  const host = opts.host ?? "127.0.0.1";
  let served = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("error", () => res.destroy());
    req.on("end", () => {
      served++;
      const out = handleHttp(
        core,
        req.method ?? "GET",
        req.url ?? "/",
        req.headers,
        Buffer.concat(chunks).toString("utf8"),
      );
      res.writeHead(out.status, out.headers);
      res.end(out.body);
    });
  });
  // The SDK keeps connections alive; do not cut them under a slow client.
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${port}`,
    port,
    requests: () => served,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
