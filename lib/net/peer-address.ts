/**
 * Next.js App Router code cannot see the TCP peer: Next fills X-Forwarded-For from the
 * socket only when the client did not send one, so a client picks its own "address".
 * Installed once per server process (instrumentation.ts), this stamps every incoming
 * request with the socket's address under a header of our own, overwriting any value the
 * client sent. lib/net/client-address.ts reads it.
 */
import http from "node:http";
import https from "node:https";

export const PEER_HEADER = "x-openbond-peer";

const holder = globalThis as typeof globalThis & { __openbondPeerStamp?: boolean };

/** "::ffff:127.0.0.1" → "127.0.0.1"; anything that is not an address → "". */
export function normalizeAddress(raw: string | null | undefined): string {
  const a = (raw ?? "").trim().toLowerCase();
  const v4 = a.startsWith("::ffff:") && a.includes(".") ? a.slice(7) : a;
  return /^[0-9a-f:.]{2,45}$/.test(v4) ? v4 : "";
}

function stampPeer(req: http.IncomingMessage): void {
  req.headers[PEER_HEADER] = normalizeAddress(req.socket?.remoteAddress) || "unknown";
}

export function installPeerStamp(): void {
  if (holder.__openbondPeerStamp) return;
  holder.__openbondPeerStamp = true;
  for (const proto of [http.Server.prototype, https.Server.prototype]) {
    const emit = proto.emit;
    proto.emit = function patchedEmit(this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
      if (event === "request") stampPeer(args[0] as http.IncomingMessage);
      return (emit as (event: string | symbol, ...args: unknown[]) => boolean).call(this, event, ...args);
    } as typeof proto.emit;
  }
}
