/** Mail through a real SMTP conversation (an in-process smtp-server), and the outbox's once-only rules. */
import { simpleParser } from "mailparser";
import nodemailer from "nodemailer";
import { SMTPServer } from "smtp-server";
import { sql } from "drizzle-orm";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf, type DbHandle } from "@/db/client";
import { enqueueMail } from "@/lib/mail/outbox";
import { sendPendingMail } from "@/lib/mail/send-pending";
import { setMailTransportForTests } from "@/lib/mail/transport";
import { createTestDb } from "../helpers/test-db";

let h: DbHandle;
let server: SMTPServer;
let port: number;
const received: { to: string; subject: string; text: string }[] = [];
let refuse = false;

beforeAll(async () => {
  h = await createTestDb();
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, _session, cb) {
      simpleParser(stream).then(
        (m) => {
          if (refuse) return cb(new Error("451 try later"));
          received.push({
            to: m.to && !Array.isArray(m.to) ? m.to.text : "",
            subject: m.subject ?? "",
            text: m.text ?? "",
          });
          cb();
        },
        (e: Error) => cb(e),
      );
    },
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.server.address() as AddressInfo).port;
  setMailTransportForTests(nodemailer.createTransport({ host: "127.0.0.1", port, secure: false, ignoreTLS: true }));
});

afterAll(async () => {
  setMailTransportForTests(undefined as never);
  await new Promise<void>((r) => server.close(() => r()));
  await h?.close();
});

const status = async (key: string) =>
  rowsOf<{ status: string; attempts: number }>(
    await h.db.execute(sql`SELECT status, attempts FROM outbox_messages WHERE dedupe_key = ${key}`),
  )[0];

describe("mail outbox", () => {
  it("queues a message once per dedupe key", async () => {
    const mail = {
      dedupeKey: "receipt:once",
      kind: "receipt" as const,
      to: "donor@example.org",
      subject: "Thank you",
      text: "Your $25 gift",
    };
    expect(await enqueueMail(h.db, mail)).toBe(true);
    expect(await enqueueMail(h.db, mail)).toBe(false);
  });

  it("sends pending mail over SMTP and marks it sent", async () => {
    const summary = await sendPendingMail(h.db);
    expect(summary).toEqual({ sent: 1, failed: 0, keptInOutbox: 0 });
    expect(received).toEqual([
      { to: "donor@example.org", subject: "Thank you", text: expect.stringContaining("Your $25 gift") },
    ]);
    expect(await status("receipt:once")).toMatchObject({ status: "sent", attempts: 1 });
    expect((await sendPendingMail(h.db)).sent).toBe(0);
  });

  it("records a refused send and retries it later without throwing", async () => {
    await enqueueMail(h.db, {
      dedupeKey: "receipt:retry",
      kind: "receipt",
      to: "b@example.org",
      subject: "Receipt",
      text: "x",
    });
    refuse = true;
    expect(await sendPendingMail(h.db)).toMatchObject({ sent: 0, failed: 1 });
    expect(await status("receipt:retry")).toMatchObject({ status: "pending", attempts: 1 });
    refuse = false;
    expect(await sendPendingMail(h.db)).toMatchObject({ sent: 1 });
    expect(await status("receipt:retry")).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("keeps mail in the development outbox when no SMTP server is configured", async () => {
    setMailTransportForTests(null);
    await enqueueMail(h.db, {
      dedupeKey: "receipt:dev",
      kind: "receipt",
      to: "c@example.org",
      subject: "Receipt",
      text: "y",
    });
    expect(await sendPendingMail(h.db)).toEqual({ sent: 0, failed: 0, keptInOutbox: 1 });
    expect(await status("receipt:dev")).toMatchObject({ status: "outbox" });
  });
});
