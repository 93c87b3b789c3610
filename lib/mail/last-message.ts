/** The newest outbox message for one address: only the browser tests use it, through a route that exists only when APP_ENV=test. */
import { desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { outboxMessages } from "@/db/schema";

export async function lastMessageTo(db: Db, address: string): Promise<{ subject: string; text: string } | null> {
  const [row] = await db
    .select({ subject: outboxMessages.subject, text: outboxMessages.textBody })
    .from(outboxMessages)
    .where(eq(outboxMessages.toAddress, address.trim().toLowerCase()))
    .orderBy(desc(outboxMessages.createdAt))
    .limit(1);
  return row ?? null;
}
