/** Twilio's inbound-message webhook: STOP / START replies, signature checked first. Answers empty TwiML. */
import { getDb } from "@/db";
import { errorHeaders, httpStatusFor, publicMessage } from "@/lib/error-responses";
import { handleInboundSms } from "@/lib/sms/callbacks";
import { signedTwilioParams } from "@/lib/sms/webhook-request";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function POST(req: Request): Promise<Response> {
  const params = await signedTwilioParams(req);
  if (!params) return Response.json({ error: "Invalid Twilio signature." }, { status: 403 });
  try {
    await handleInboundSms(await getDb(), params);
    // Twilio's own opt-out handling answers the person; we add nothing to the reply.
    return new Response("<Response></Response>", { headers: { "content-type": "text/xml" } });
  } catch (e) {
    return Response.json({ error: publicMessage(e) }, { status: httpStatusFor(e), headers: errorHeaders(e) });
  }
}
