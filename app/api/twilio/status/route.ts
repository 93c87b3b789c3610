/** Twilio's message status callback: signature checked first; a forged one gets 403 and writes nothing. */
import { getDb } from "@/db";
import { errorHeaders, httpStatusFor, publicMessage } from "@/lib/error-responses";
import { recordDeliveryStatus } from "@/lib/sms/callbacks";
import { signedTwilioParams } from "@/lib/sms/webhook-request";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function POST(req: Request): Promise<Response> {
  const params = await signedTwilioParams(req);
  if (!params) return Response.json({ error: "Invalid Twilio signature." }, { status: 403 });
  try {
    await recordDeliveryStatus(await getDb(), new URL(req.url).searchParams.get("job"), params);
    return new Response(null, { status: 204 });
  } catch (e) {
    return Response.json({ error: publicMessage(e) }, { status: httpStatusFor(e), headers: errorHeaders(e) });
  }
}
