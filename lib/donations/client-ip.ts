/**
 * The address to rate-limit checkouts on: the TCP peer, or what the configured trusted
 * proxies wrote (lib/net/client-address.ts). A client's own X-Forwarded-For is ignored,
 * so it can neither mint fresh buckets nor push everyone into one.
 */
import { clientAddress } from "@/lib/net/client-address";

export function clientIp(headers: { get(name: string): string | null }): string {
  return clientAddress(headers).slice(0, 64);
}
