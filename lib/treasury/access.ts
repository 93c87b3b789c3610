/** Who may read the treasury's pages: treasurers run them; admins may look (oversight), but only treasurers change bonds (lib/bonds). */
import { requireRole, type Principal } from "@/lib/auth/roles";

export function requireTreasuryReader(p: Principal | null): Principal {
  return requireRole(p, "treasurer", "admin");
}

const DAY_MS = 86_400_000;

/** Whole days between a date (or timestamp) and now; dates are read as UTC midnight. */
export function daysSince(when: string | Date, now: Date): number {
  const t = typeof when === "string" ? Date.parse(`${when}T00:00:00Z`) : when.getTime();
  return Math.max(0, Math.floor((now.getTime() - t) / DAY_MS));
}

export function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function daysBefore(now: Date, days: number): Date {
  return new Date(now.getTime() - days * DAY_MS);
}
