/**
 * The address to rate-limit on. Behind the deployment's reverse proxy the first
 * x-forwarded-for entry is the client; a client can forge it only when the app
 * is exposed directly, which production setups must not do.
 */
export function clientIp(headers: { get(name: string): string | null }): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  const ip = forwarded || headers.get("x-real-ip")?.trim() || "unknown";
  return ip.slice(0, 64);
}
