/** One "app instance" for chaos/digest-once.ts: sends the deadline digests for a run of days, as the startup loop would. */
import { openDb } from "@/db/client";
import { sendDeadlineDigests } from "@/lib/notices/digest";

async function main() {
  const [url, startIso, daysArg] = process.argv.slice(2);
  const handle = await openDb({ url: url!, migrate: false, poolMax: 3 });
  let sent = 0;
  for (let i = 0; i < Number(daysArg); i++)
    sent += (await sendDeadlineDigests(handle.db, new Date(Date.parse(startIso!) + i * 86_400_000))).sent;
  console.log(`  worker ${process.pid}: sent ${sent}`);
  await handle.close();
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
