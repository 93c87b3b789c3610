/**
 * The passkey steps the browser calls with JSON (app/components/staff/passkey-client.tsx):
 * enrol-options, enrol, verify-options, verify, recovery-codes. Same-origin JSON only (CSRF);
 * each step checks the session itself (lib/auth/passkeys); answers { error } with a 4xx.
 */
import { getDb } from "@/db";
import { currentPrincipal } from "@/lib/auth/config";
import { enrolmentOptions, finishEnrolment } from "@/lib/auth/passkeys/enrol";
import type { PasskeyContext } from "@/lib/auth/passkeys/context";
import { regenerateMyRecoveryCodes } from "@/lib/auth/passkeys/manage";
import { finishVerification, verificationOptions } from "@/lib/auth/passkeys/verify";
import { currentSessionToken } from "@/lib/auth/session-cookie";
import { errorHeaders, httpStatusFor, publicMessage } from "@/lib/error-responses";
import { isSameOriginJson } from "@/lib/net/same-origin";

export const dynamic = "force-dynamic";

const MAX_BODY = 32_000;

const STEPS: Record<string, (ctx: PasskeyContext, body: unknown) => Promise<unknown>> = {
  "enrol-options": (ctx) => enrolmentOptions(ctx),
  enrol: (ctx, body) => finishEnrolment(ctx, body),
  "verify-options": (ctx) => verificationOptions(ctx),
  verify: async (ctx, body) => ({ ok: await finishVerification(ctx, body).then(() => true) }),
  "recovery-codes": async (ctx) => ({ recoveryCodes: await regenerateMyRecoveryCodes(ctx.db, ctx.me) }),
};

const answer = (status: number, error: string, headers?: HeadersInit) =>
  Response.json({ error }, { status, headers: { "cache-control": "no-store", ...headers } });

export async function POST(req: Request, { params }: { params: Promise<{ step: string }> }): Promise<Response> {
  const { step } = await params;
  const run = Object.hasOwn(STEPS, step) ? STEPS[step] : undefined;
  if (!run) return answer(404, "Not found.");
  if (!isSameOriginJson(req)) return answer(403, "This request must come from the fund's own pages.");
  const text = await req.text();
  if (text.length > MAX_BODY) return answer(413, "The request is too large.");
  let body: unknown = {};
  try {
    body = text ? JSON.parse(text) : {};
  } catch {
    return answer(400, "The request is not valid JSON.");
  }
  try {
    const ctx = { db: await getDb(), me: await currentPrincipal(), sessionToken: await currentSessionToken() };
    return Response.json(await run(ctx, body), { headers: { "cache-control": "no-store" } });
  } catch (e) {
    return answer(httpStatusFor(e), publicMessage(e), errorHeaders(e));
  }
}
