/** Who may read the treasury's pages: treasurers run them; admins may look (oversight), but only treasurers change bonds (lib/bonds). */
import { requireRole, type Principal } from "@/lib/auth/roles";

export function requireTreasuryReader(p: Principal | null): Principal {
  return requireRole(p, "treasurer", "admin");
}
