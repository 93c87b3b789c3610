import { receiptPdfResponse } from "@/lib/donor-portal/pdf-response";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return receiptPdfResponse((await params).id);
}
