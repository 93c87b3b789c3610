// npm run admin:create -- someone@example.org [role]  — grant a role (default admin) to an email, creating the user.
import { ROLES, type Role } from "@/db/schema";
import { grantRole } from "@/lib/auth/roles";
import { openFromEnv } from "./db-from-env";

async function main() {
  const [email, role = "admin"] = process.argv.slice(2);
  if (!email) throw new Error("usage: npm run admin:create -- <email> [lawyer|treasurer|admin]");
  if (!(ROLES as readonly string[]).includes(role)) throw new Error(`role must be one of ${ROLES.join(", ")}`);
  const handle = await openFromEnv();
  try {
    const res = await grantRole(handle.db, { email, role: role as Role, actorUserId: null });
    console.log(`${role} role granted${res.created ? " (new user)" : ""}; sign in at /sign-in with that address`);
  } finally {
    await handle.close();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
