// npm run db:seed — load the demo fund (idempotent: a second run changes nothing).
import { seedDemo } from "@/lib/seed/seed-demo";
import { openFromEnv } from "./db-from-env";

async function main() {
  const handle = await openFromEnv();
  try {
    const res = await seedDemo(handle.db);
    console.log(
      res.created
        ? `seeded ${res.campaigns} campaigns and ${res.donations} gifts (${handle.driver})`
        : "demo data already present; nothing changed",
    );
  } finally {
    await handle.close();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
