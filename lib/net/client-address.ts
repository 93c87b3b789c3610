/**
 * The client's address, for rate limits and the loopback-only development tools.
 *
 * By default (TRUSTED_PROXY_HOPS=0) it is the TCP peer, stamped by lib/net/peer-address.ts:
 * a client cannot choose it with X-Forwarded-For. Behind N reverse proxies that each append
 * the address they saw to X-Forwarded-For, it is the entry the outermost proxy wrote (the
 * N-th from the right); whatever the client put to the left of it is ignored.
 */
import { env } from "@/lib/env";
import { normalizeAddress, PEER_HEADER } from "./peer-address";

type Headers = { get(name: string): string | null };

export function clientAddress(headers: Headers, hops: number = env().TRUSTED_PROXY_HOPS): string {
  const peer = normalizeAddress(headers.get(PEER_HEADER)) || "unknown";
  if (hops <= 0) return peer;
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (chain.length === 0) return peer;
  return normalizeAddress(chain[Math.max(chain.length - hops, 0)]) || "unknown";
}

function isLoopbackAddress(address: string): boolean {
  return address === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(address);
}

/** True only for a request from this machine (by socket, or as the trusted proxies report it). */
export function isLoopbackRequest(headers: Headers): boolean {
  return isLoopbackAddress(clientAddress(headers));
}
