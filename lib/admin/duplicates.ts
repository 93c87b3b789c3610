/**
 * Possible same person in two campaigns (issue 11, finding 8): case files with the same keyed
 * A-number hash. Told to the admin, never to a lawyer about another lawyer's client. No case file
 * is decrypted to find them.
 */
import { sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db/client";
import { requireRole, type Principal } from "@/lib/auth/roles";

export interface DuplicateGroup {
  campaigns: { id: string; alias: string; status: string; lawyer: string }[];
}

export async function duplicatePeople(db: Db, actor: Principal | null): Promise<DuplicateGroup[]> {
  requireRole(actor, "admin");
  const rows = rowsOf<{
    hash: string;
    id: string;
    alias: string;
    status: string;
    name: string | null;
    email: string | null;
  }>(
    await db.execute(sql`
      SELECT f.a_number_hash AS hash, c.id, c.alias, c.status, p.full_name AS name, u.email
        FROM case_files f
        JOIN campaigns c ON c.id = f.campaign_id
        LEFT JOIN users u ON u.id = c.lawyer_user_id
        LEFT JOIN lawyer_profiles p ON p.user_id = c.lawyer_user_id
       WHERE f.a_number_hash IN (SELECT a_number_hash FROM case_files GROUP BY a_number_hash HAVING count(*) > 1)
       ORDER BY f.a_number_hash, c.created_at`),
  );
  const groups = new Map<string, DuplicateGroup>();
  for (const r of rows) {
    const g = groups.get(r.hash) ?? { campaigns: [] };
    const lawyer = r.name && r.email ? `${r.name} (${r.email})` : (r.email ?? r.name ?? "—");
    g.campaigns.push({ id: r.id, alias: r.alias, status: r.status, lawyer });
    groups.set(r.hash, g);
  }
  return [...groups.values()].filter((g) => g.campaigns.length > 1);
}
