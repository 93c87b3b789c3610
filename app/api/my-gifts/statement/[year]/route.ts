import { statementPdfResponse } from "@/lib/donor-portal/pdf-response";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, { params }: { params: Promise<{ year: string }> }): Promise<Response> {
  return statementPdfResponse((await params).year);
}
