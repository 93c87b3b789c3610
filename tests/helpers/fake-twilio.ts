/**
 * A local stand-in for Twilio's Messages API (2010-04-01), enough for the official SDK: create a
 * message (Basic auth, form body, Twilio-shaped JSON and errors), list messages by To, and the
 * signed status callbacks Twilio posts afterwards (queued → sent → delivered), plus a signed
 * inbound message. Test and chaos code only; product code never imports it.
 */
import { randomBytes } from "node:crypto";
import http from "node:http";
import twilio from "twilio";

export interface FakeMessage {
  sid: string;
  to: string;
  from: string | null;
  messagingServiceSid: string | null;
  body: string;
  statusCallback: string | null;
  status: string;
  dateCreated: Date;
}

export interface FakeTwilioOptions {
  accountSid: string;
  authToken: string;
  port?: number;
  /** Milliseconds to wait before answering a create (a window for kill -9 in chaos tests). */
  createDelayMs?: number;
  /** Post status callbacks after a create (default true). */
  callbacks?: boolean;
}

const rfc2822 = (d: Date) => d.toUTCString().replace("GMT", "+0000");
const sidOf = (prefix: string) => prefix + randomBytes(16).toString("hex");

export class FakeTwilio {
  readonly messages: FakeMessage[] = [];
  readonly callbackResults: { url: string; status: number }[] = [];
  /** Creates received and not yet answered (the window a chaos test kills in). */
  inFlightCreates = 0;
  /** Make the next n creates fail with HTTP 500 (a Twilio outage). */
  failNext = 0;
  private server?: http.Server;
  private pending = new Set<Promise<unknown>>();
  url = "";

  constructor(readonly opts: FakeTwilioOptions) {}

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => void this.route(req, res));
    await new Promise<void>((r) => this.server!.listen(this.opts.port ?? 0, "127.0.0.1", r));
    const addr = this.server.address() as { port: number };
    this.url = `http://127.0.0.1:${addr.port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    await Promise.allSettled([...this.pending]);
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }

  /** Wait until every status callback posted so far has been answered. */
  async settle(): Promise<void> {
    while (this.pending.size) await Promise.allSettled([...this.pending]);
  }

  private json(res: http.ServerResponse, status: number, body: unknown) {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  }

  private error(res: http.ServerResponse, status: number, code: number, message: string) {
    this.json(res, status, { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status });
  }

  private view(m: FakeMessage) {
    const base = `/2010-04-01/Accounts/${this.opts.accountSid}/Messages/${m.sid}`;
    return {
      sid: m.sid,
      account_sid: this.opts.accountSid,
      api_version: "2010-04-01",
      to: m.to,
      from: m.from,
      messaging_service_sid: m.messagingServiceSid,
      body: m.body,
      status: m.status,
      num_segments: "1",
      num_media: "0",
      direction: "outbound-api",
      date_created: rfc2822(m.dateCreated),
      date_updated: rfc2822(m.dateCreated),
      date_sent: m.status === "queued" ? null : rfc2822(m.dateCreated),
      error_code: null,
      error_message: null,
      price: null,
      price_unit: "USD",
      uri: `${base}.json`,
      subresource_uris: { media: `${base}/Media.json` },
    };
  }

  private async route(req: http.IncomingMessage, res: http.ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const u = new URL(req.url ?? "/", this.url);
    const expected = "Basic " + Buffer.from(`${this.opts.accountSid}:${this.opts.authToken}`).toString("base64");
    if (req.headers.authorization !== expected) return this.error(res, 401, 20003, "Authenticate");
    if (u.pathname !== `/2010-04-01/Accounts/${this.opts.accountSid}/Messages.json`) {
      return this.error(res, 404, 20404, "The requested resource was not found");
    }
    if (req.method === "GET") {
      const to = u.searchParams.get("To");
      const size = Number(u.searchParams.get("PageSize") ?? 50);
      const list = this.messages
        .filter((m) => !to || m.to === to)
        .slice()
        .reverse()
        .slice(0, size);
      return this.json(res, 200, {
        messages: list.map((m) => this.view(m)),
        end: list.length - 1,
        first_page_uri: u.pathname + u.search,
        next_page_uri: null,
        previous_page_uri: null,
        page: 0,
        page_size: size,
        start: 0,
        uri: u.pathname + u.search,
      });
    }
    if (req.method !== "POST") return this.error(res, 405, 20004, "Method not allowed");
    const form = new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
    if (this.failNext > 0) {
      this.failNext--;
      return this.error(res, 500, 20500, "Internal Server Error");
    }
    const to = form.get("To") ?? "";
    if (!/^\+[1-9]\d{6,14}$/.test(to))
      return this.error(res, 400, 21211, `The 'To' number ${to} is not a valid phone number.`);
    const from = form.get("From");
    const service = form.get("MessagingServiceSid");
    if (!from && !service)
      return this.error(res, 400, 21603, "A 'From' or 'MessagingServiceSid' parameter is required.");
    const body = form.get("Body") ?? "";
    if (!body) return this.error(res, 400, 21602, "Message body is required.");
    const m: FakeMessage = {
      sid: sidOf("SM"),
      to,
      from: from ?? "+15005550006",
      messagingServiceSid: service,
      body,
      statusCallback: form.get("StatusCallback"),
      status: "queued",
      dateCreated: new Date(),
    };
    // Recorded before answering, as Twilio would: a client killed while waiting has still sent it.
    this.messages.push(m);
    if (this.opts.createDelayMs) {
      this.inFlightCreates++;
      await new Promise((r) => setTimeout(r, this.opts.createDelayMs));
      this.inFlightCreates--;
    }
    this.json(res, 201, this.view(m));
    if (this.opts.callbacks !== false && m.statusCallback) this.track(this.callbacksFor(m));
  }

  private track(p: Promise<unknown>) {
    this.pending.add(p);
    void p.finally(() => this.pending.delete(p));
  }

  private async callbacksFor(m: FakeMessage) {
    for (const status of ["sent", "delivered"]) {
      m.status = status;
      await this.post(m.statusCallback!, {
        AccountSid: this.opts.accountSid,
        ApiVersion: "2010-04-01",
        From: m.from ?? "",
        MessageSid: m.sid,
        MessageStatus: status,
        SmsSid: m.sid,
        SmsStatus: status,
        To: m.to,
      });
    }
  }

  /** POST a form to the app signed exactly as Twilio signs (X-Twilio-Signature over URL + sorted params). */
  async post(url: string, params: Record<string, string>, token = this.opts.authToken): Promise<number> {
    const signature = twilio.getExpectedTwilioSignature(token, url, params);
    const r = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": signature },
      body: new URLSearchParams(params).toString(),
    }).catch(() => null);
    const status = r?.status ?? 0;
    this.callbackResults.push({ url, status });
    return status;
  }

  /** A reply from a phone, delivered to the app's inbound webhook. */
  inbound(appUrl: string, from: string, body: string, token?: string): Promise<number> {
    return this.post(
      `${appUrl}/api/twilio/inbound`,
      {
        AccountSid: this.opts.accountSid,
        MessageSid: sidOf("SM"),
        From: from,
        To: "+15005550006",
        Body: body,
        NumMedia: "0",
      },
      token,
    );
  }
}
