/**
 * Staff mail about a bond payment, queued in the transaction that makes the change:
 * the treasurers when a payment is requested and when it waits for another approval,
 * the campaign's lawyer when it is paid. Amounts, the public alias and links only:
 * nothing from the case file.
 */
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { campaigns, userRoles, users } from "@/db/schema";
import { appUrl } from "@/lib/app-origin";
import { formatUsd } from "@/lib/money";
import { enqueueMail } from "./outbox";

async function treasurerEmails(tx: Db, except: string[]): Promise<{ id: string; email: string }[]> {
  const rows = await tx
    .select({ id: users.id, email: users.email })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(eq(userRoles.role, "treasurer"));
  return rows.filter((r) => r.email && !except.includes(r.id)) as { id: string; email: string }[];
}

async function aliasOf(tx: Db, campaignId: string): Promise<{ alias: string; lawyer: string | null }> {
  const [c] = await tx
    .select({ alias: campaigns.alias, lawyer: campaigns.lawyerUserId })
    .from(campaigns)
    .where(eq(campaigns.id, campaignId));
  return { alias: c?.alias ?? "a campaign", lawyer: c?.lawyer ?? null };
}

interface BondFacts {
  id: string;
  campaignId: string;
  amountCents: number;
  topUpCents: number;
}

export async function mailBondRequested(tx: Db, bond: BondFacts, requestedBy: string, required: number) {
  const { alias } = await aliasOf(tx, bond.campaignId);
  const link = appUrl(`/treasury/bonds/${bond.id}`);
  const topUp = bond.topUpCents ? ` It asks for ${formatUsd(bond.topUpCents)} from the general pool.` : "";
  for (const t of await treasurerEmails(tx, [requestedBy])) {
    await enqueueMail(tx, {
      dedupeKey: `bond-requested:${bond.id}:${t.id}`,
      kind: "notice",
      to: t.email,
      subject: `Bond payment requested: ${formatUsd(bond.amountCents)} for ${alias}*`,
      text: `A ${formatUsd(bond.amountCents)} bond payment was requested for campaign ${alias}*.${topUp}\n\nIt needs ${required === 1 ? "one treasurer's approval" : "approvals from two treasurers"} (not the requester's) before it can be paid.\n\nReview it: ${link}\n`,
    });
  }
}

export async function mailSecondApprovalNeeded(
  tx: Db,
  bond: BondFacts,
  approvers: string[],
  requestedBy: string | null,
) {
  const { alias } = await aliasOf(tx, bond.campaignId);
  const link = appUrl(`/treasury/bonds/${bond.id}`);
  for (const t of await treasurerEmails(tx, [...approvers, ...(requestedBy ? [requestedBy] : [])])) {
    await enqueueMail(tx, {
      dedupeKey: `bond-second-approval:${bond.id}:${approvers.length}:${t.id}`,
      kind: "notice",
      to: t.email,
      subject: `Second approval needed: ${formatUsd(bond.amountCents)} bond for ${alias}*`,
      text: `The ${formatUsd(bond.amountCents)} bond payment for campaign ${alias}* has ${approvers.length} approval(s) and waits for a second treasurer's approval.\n\nApprove it: ${link}\n`,
    });
  }
}

export async function mailBondPaid(tx: Db, bond: BondFacts, paidOn: string, method: string) {
  const { alias, lawyer } = await aliasOf(tx, bond.campaignId);
  if (!lawyer) return;
  const [u] = await tx.select({ email: users.email }).from(users).where(eq(users.id, lawyer));
  if (!u?.email) return;
  await enqueueMail(tx, {
    dedupeKey: `bond-paid:${bond.id}`,
    kind: "notice",
    to: u.email,
    subject: `Bond paid to ICE: ${formatUsd(bond.amountCents)} for ${alias}*`,
    text: `The fund paid the ${formatUsd(bond.amountCents)} bond for campaign ${alias}* to ICE on ${paidOn} (${method === "fedwire" ? "Fedwire" : "ACH"}).\n\nThe treasurers record ICE's I-305 receipt next. See the campaign: ${appUrl(`/lawyer/campaigns/${bond.campaignId}`)}\n`,
  });
}
