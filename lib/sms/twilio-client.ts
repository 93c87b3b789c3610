/**
 * The official Twilio SDK, configured from the environment. TWILIO_API_BASE (tests only, refused
 * in production) sends the SDK's requests to a Twilio-compatible server through a custom
 * httpClient; nothing else differs from talking to api.twilio.com.
 */
import twilio from "twilio";
import { appUrl } from "@/lib/app-origin";
import { env } from "@/lib/env";

type Client = ReturnType<typeof twilio>;
type RequestOpts = Parameters<InstanceType<typeof twilio.RequestClient>["request"]>[0];

class RedirectingRequestClient extends twilio.RequestClient {
  constructor(
    private readonly base: string,
    timeout: number,
  ) {
    super({ timeout });
  }
  override request<T>(opts: RequestOpts) {
    const u = new URL(opts.uri);
    const b = new URL(this.base);
    u.protocol = b.protocol;
    u.host = b.host;
    return super.request<T>({ ...opts, uri: u.toString() } as never);
  }
}

const holder = globalThis as typeof globalThis & { __openbondTwilio?: { key: string; client: Client } };

export function twilioClient(): Client | null {
  const e = env();
  if (!e.TWILIO_ACCOUNT_SID || !e.TWILIO_AUTH_TOKEN) return null;
  const key = `${e.TWILIO_ACCOUNT_SID}|${e.TWILIO_API_BASE ?? ""}`;
  if (holder.__openbondTwilio?.key !== key) {
    // A request must end well inside the reminder's lease, or a second instance could take the job over mid-send.
    const timeout = Math.min(15_000, e.REMINDER_LEASE_SECONDS * 400);
    const client = twilio(e.TWILIO_ACCOUNT_SID, e.TWILIO_AUTH_TOKEN, {
      ...(e.TWILIO_API_BASE ? { httpClient: new RedirectingRequestClient(e.TWILIO_API_BASE, timeout) } : { timeout }),
    });
    holder.__openbondTwilio = { key, client };
  }
  return holder.__openbondTwilio!.client;
}

/** The sender: a messaging service when configured, otherwise the TWILIO_FROM number. */
export function twilioSender(): { from: string } | { messagingServiceSid: string } {
  const e = env();
  return e.TWILIO_MESSAGING_SERVICE_SID
    ? { messagingServiceSid: e.TWILIO_MESSAGING_SERVICE_SID }
    : { from: e.TWILIO_FROM! };
}

/** Twilio signs the exact URL it called: the app's public origin (APP_URL) plus the path and query, never the Host header. */
export function publicUrl(pathAndQuery: string): string {
  return appUrl(pathAndQuery);
}

export function validTwilioSignature(
  signature: string | null,
  pathAndQuery: string,
  params: Record<string, string>,
): boolean {
  const token = env().TWILIO_AUTH_TOKEN;
  if (!token || !signature) return false;
  return twilio.validateRequest(token, signature, publicUrl(pathAndQuery), params);
}
