/** Download the draft FOIA request: treasurers only, audit-logged by lib/recovery/packet.ts, never cached. */
import { foiaRequestDraft } from "@/lib/recovery/packet";
import { bondPdfRoute } from "@/lib/recovery/pdf-route";

export const GET = bondPdfRoute(foiaRequestDraft, "foia-request-draft.pdf");
