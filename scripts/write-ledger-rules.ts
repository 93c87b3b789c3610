// npm run db:ledger-rules — regenerate db/ledger-rules.sql from the migrations (on an in-memory PGlite).
import { writeFileSync } from "node:fs";
import { openDb } from "@/db/client";
import { renderLedgerRules } from "./lib/ledger-rules";

async function main() {
  const handle = await openDb({ dataDir: "memory://" });
  writeFileSync("db/ledger-rules.sql", await renderLedgerRules(handle.db));
  await handle.close();
  console.log("wrote db/ledger-rules.sql");
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
