/** The columns a staff read of one gift selects (gifts page, gift detail, gifts export); join `campaigns` for the alias. */
import { campaigns, donations } from "@/db/schema";

export const giftColumns = {
  id: donations.id,
  at: donations.succeededAt,
  alias: campaigns.alias,
  amount: donations.amountCents,
  cover: donations.coverFeeCents,
  fee: donations.feeCents,
  refunded: donations.refundedCents,
  status: donations.status,
  frequency: donations.frequency,
  pi: donations.paymentIntentId,
};
