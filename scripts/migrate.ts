// npm run db:migrate — apply pending migrations to DATABASE_URL (or the embedded database). The app also does this at start-up.
import { openFromEnv } from "./db-from-env";

async function main() {
  const handle = await openFromEnv();
  console.log(`migrations applied (${handle.driver})`);
  await handle.close();
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
