/**
 * CSV exports for the fund's accountant. None carries case-file data, except
 * the treasurer-only bond export with case files, which is audit-logged and
 * says so in its file name.
 */
import { stringify } from "csv-stringify/sync";
import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { bonds, campaigns, donations } from "@/db/schema";
import { audit } from "@/lib/audit";
import { requireRole, type Principal } from "@/lib/auth/roles";
import { readCaseFile } from "@/lib/case-files/store";
import { giftColumns } from "@/lib/donations/gift-columns";
import { AppError } from "@/lib/errors";
import { allPostingsForExport } from "@/lib/ledger/queries";

const EXPORT_KINDS = ["ledger", "gifts", "bonds", "bonds-with-case-files"] as const;

const dollars = (cents: number | string | null) => (cents === null ? "" : (Number(cents) / 100).toFixed(2));
const month = (d: string | Date | null) => (d ? new Date(d).toISOString().slice(0, 7) : "");

export async function exportCsv(
  db: Db,
  actor: Principal | null,
  kind: string,
): Promise<{ filename: string; csv: string }> {
  if (!(EXPORT_KINDS as readonly string[]).includes(kind))
    throw new AppError("not_found", `There is no "${kind.slice(0, 40)}" export.`);
  const me =
    kind === "bonds-with-case-files" ? requireRole(actor, "treasurer") : requireRole(actor, "treasurer", "admin");
  const day = new Date().toISOString().slice(0, 10);
  const file = (rows: (string | number)[][], header: string[]) => ({
    filename: `openbond-${kind}-${day}.csv`,
    csv: stringify([header, ...rows]),
  });

  if (kind === "ledger") {
    const rows = await allPostingsForExport(db);
    return file(
      rows.map((r) => [
        r.id,
        new Date(r.at).toISOString(),
        r.kind,
        r.memo,
        r.account,
        dollars(Number(r.amount) > 0 ? r.amount : 0),
        dollars(Number(r.amount) < 0 ? -Number(r.amount) : 0),
        r.alias ?? "",
        r.reverses ?? "",
      ]),
      ["entry", "effective_at", "kind", "memo", "account", "debit", "credit", "campaign_alias", "reverses_entry"],
    );
  }
  if (kind === "gifts") {
    const rows = await db
      .select({ ...giftColumns, name: donations.displayName })
      .from(donations)
      .innerJoin(campaigns, eq(campaigns.id, donations.campaignId))
      .orderBy(asc(donations.createdAt));
    return file(
      rows.map((r) => [
        r.id,
        r.at ? r.at.toISOString() : "",
        r.alias,
        dollars(r.amount),
        dollars(r.cover),
        dollars(r.fee),
        dollars(r.refunded),
        r.status,
        r.frequency,
        r.name ?? "Anonymous",
        r.pi ?? "",
      ]),
      [
        "donation",
        "succeeded_at",
        "campaign_alias",
        "amount",
        "fee_covered_by_donor",
        "stripe_fee",
        "refunded",
        "status",
        "frequency",
        "donor_wall_name",
        "payment_intent",
      ],
    );
  }
  const rows = await db
    .select({ b: bonds, alias: campaigns.alias, region: campaigns.region })
    .from(bonds)
    .innerJoin(campaigns, eq(campaigns.id, bonds.campaignId))
    .orderBy(asc(bonds.createdAt));
  if (kind === "bonds") {
    // ICE numbers and exact dates belong to the case file: months only here.
    return file(
      rows.map(({ b, alias, region }) => [
        b.id,
        alias,
        region,
        dollars(b.amountCents),
        dollars(b.topUpCents),
        b.status,
        month(b.postedOn),
        month(b.refundedOn),
        dollars(b.refundReceivedCents),
        dollars(b.interestExpectedCents),
        month(b.forfeitedOn),
      ]),
      [
        "bond",
        "campaign_alias",
        "region",
        "amount",
        "general_pool_top_up",
        "status",
        "posted_month",
        "refunded_month",
        "refund_received",
        "interest_expected",
        "forfeited_month",
      ],
    );
  }
  const out: (string | number)[][] = [];
  for (const { b, alias } of rows) {
    const cf = await readCaseFile(db, b.campaignId, me, "bond_payment");
    out.push([
      b.id,
      alias,
      cf?.legalName ?? "",
      cf?.aNumber ?? "",
      b.i305Number ?? "",
      dollars(b.amountCents),
      b.status,
      b.paidOn ?? "",
      b.postedOn ?? "",
      b.i391On ?? "",
      b.refundedOn ?? "",
      dollars(b.refundReceivedCents),
      b.i323On ?? "",
      b.forfeitedOn ?? "",
    ]);
  }
  await audit(db, {
    actorUserId: me.userId,
    action: "export.bonds_with_case_files",
    subjectType: "export",
    subjectId: day,
    details: { bonds: rows.length },
  });
  return {
    filename: `openbond-bonds-CONFIDENTIAL-${day}.csv`,
    csv: stringify([
      [
        "bond",
        "campaign_alias",
        "legal_name",
        "a_number",
        "i305_number",
        "amount",
        "status",
        "paid_on",
        "posted_on",
        "i391_on",
        "refunded_on",
        "refund_received",
        "i323_on",
        "forfeited_on",
      ],
      ...out,
    ]),
  };
}
