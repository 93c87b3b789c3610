import type { BondForm } from "@/lib/bonds/bond-forms";
import type { BondDetail } from "@/lib/bonds/read-models";
import { bondAction } from "./actions";
import { BreachSteps, PostedNext, RefundSteps } from "./forms/after-posting-forms";
import { ApproveForms, PayForm, PostForm } from "./forms/payment-forms";

/** The forms the bond's current state allows, each saying what it will do to the books before it is confirmed. */
export function BondForms({ d }: { d: BondDetail }) {
  const act = (form: BondForm) => bondAction.bind(null, d.bond.id, form);
  if (!d.me.isTreasurer)
    return (
      <p className="text-sm text-muted">
        Only treasurers can act on bonds. You can see this page as a fund administrator.
      </p>
    );
  switch (d.bond.status) {
    case "requested":
      return <ApproveForms d={d} act={act} />;
    case "approved":
      return <PayForm d={d} act={act} />;
    case "paid":
      return <PostForm d={d} act={act} />;
    case "posted":
      return <PostedNext d={d} />;
    case "cancelled":
    case "refund_claimed":
      return <RefundSteps d={d} act={act} />;
    case "breached":
    case "appealed":
      return <BreachSteps d={d} act={act} />;
    default:
      return <p className="text-sm text-muted">This bond is {d.bond.status}. Nothing more to record.</p>;
  }
}
