/** Download the refund-claim packet: treasurers only, audit-logged by lib/recovery/packet.ts, never cached. */
import { refundClaimPacket } from "@/lib/recovery/packet";
import { bondPdfRoute } from "@/lib/recovery/pdf-route";

export const GET = bondPdfRoute(refundClaimPacket, "refund-claim-packet.pdf");
