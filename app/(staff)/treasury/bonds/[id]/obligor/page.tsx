import type { Metadata } from "next";
import { ActionForm, SubmitButton } from "@/app/components/staff/action-form";
import { SelectField, TextField } from "@/app/components/staff/fields";
import { AddressFields, ObligorFields } from "@/app/components/obligor/obligor-fields";
import { formatAddress } from "@/lib/obligors/input";
import { bondObligorView } from "@/lib/obligors/store";
import { changeAddressAction, i333Action, substituteAction } from "./actions";
import { BondSubPageHeader, loadBondSubPage, type BondSubPageProps } from "../bond-sub-page";

export const metadata: Metadata = { title: "Obligor of record" };
export const dynamic = "force-dynamic";

const DONE: Record<string, string> = {
  address: "New address of record saved. File Form I-333 with ICE and record its date here within 10 days.",
  i333: "I-333 filing date recorded.",
  substituted: "Substitution recorded.",
};

/** Opening this page reads the obligor's private data: it is audit-logged (lib/obligors/store.ts). */
export default async function ObligorPage(props: BondSubPageProps) {
  const r = await loadBondSubPage(props, bondObligorView);
  if (r.denied) return r.denied;
  const { bond, data: view, done } = r;
  const o = view.current;
  return (
    <div className="space-y-6">
      <BondSubPageHeader bond={bond} title="Obligor of record" messages={DONE} done={done} />
      {!o ? (
        <p className="rounded-md border border-accent bg-accent/5 p-3 text-sm">
          No obligor of record yet. It is attached when the payment is recorded (the fund&apos;s own profile by default:
          an admin sets it in Admin → Fund obligor), or record a substitution below.
        </p>
      ) : (
        <section className="rounded-lg border border-line bg-white p-4 text-sm" data-testid="obligor">
          <dl className="grid grid-cols-[12rem_1fr] gap-y-1">
            <dt className="text-muted">Obligor</dt>
            <dd>
              {o.secret.name}{" "}
              <span className="text-xs text-muted">
                ({o.kind === "fund" ? "the fund, nonprofit obligor" : "a person"})
              </span>
            </dd>
            <dt className="text-muted">Representative</dt>
            <dd>{o.secret.representative || "—"}</dd>
            <dt className="text-muted">Address of record</dt>
            <dd>{formatAddress(o.current)}</dd>
            <dt className="text-muted">CeBONDS email</dt>
            <dd>{o.secret.cebondsEmail}</dd>
            <dt className="text-muted">Email service</dt>
            <dd>
              {o.secret.emailConsent
                ? "consented: notices may arrive by email"
                : "not consented: notices arrive by mail"}
            </dd>
          </dl>
          <h2 className="mb-1 mt-4 font-semibold">Address history</h2>
          <ul className="space-y-2">
            {o.addresses.map((a) => (
              <li key={a.id} className="border-t border-line pt-2">
                <span className="tabular-nums">{a.changedOn}</span> · {formatAddress(a.address)} ·{" "}
                {a.i333FiledOn ? (
                  <span className="text-muted">I-333 filed {a.i333FiledOn}</span>
                ) : (
                  <ActionForm
                    action={i333Action.bind(null, bond.id, a.id)}
                    className="mt-1 flex flex-wrap items-end gap-2"
                  >
                    <TextField name="i333FiledOn" type="date" label="I-333 filed on" />
                    <SubmitButton variant="secondary">Record I-333</SubmitButton>
                  </ActionForm>
                )}
              </li>
            ))}
          </ul>
          <h2 className="mb-1 mt-4 font-semibold">Change the address of record</h2>
          <ActionForm
            action={changeAddressAction.bind(null, bond.id, o.obligorId)}
            className="space-y-3"
            label="Change the address of record"
          >
            <AddressFields />
            <div className="grid gap-3 sm:grid-cols-2">
              <TextField name="changedOn" type="date" label="Moved on" />
              <TextField name="i333FiledOn" type="date" label="I-333 filed on (if already)" />
            </div>
            <SubmitButton variant="secondary">Save new address</SubmitButton>
          </ActionForm>
        </section>
      )}
      <section className="rounded-lg border border-line bg-white p-4 text-sm">
        <h2 className="mb-1 font-semibold">History</h2>
        <ul className="mb-3">
          {view.history.map((h, i) => (
            <li key={i} className="tabular-nums">
              {h.fromOn} · {h.reason === "posted" ? "obligor when posted" : "substitution"}
            </li>
          ))}
        </ul>
        <h2 className="mb-1 font-semibold">Substitute the obligor</h2>
        <p className="mb-2 text-xs text-muted">
          A representative leaves, a fund merges: the new obligor from a date. ICE must be told too.
        </p>
        <ActionForm action={substituteAction.bind(null, bond.id)} className="space-y-3" label="Substitute the obligor">
          <div className="grid gap-3 sm:grid-cols-2">
            <SelectField
              name="to"
              label="New obligor"
              options={[
                { value: "fund", label: "The fund's own profile" },
                { value: "person", label: "A person (enter below)" },
              ]}
            />
            <TextField name="fromOn" type="date" label="From" />
          </div>
          <ObligorFields />
          <SubmitButton variant="secondary">Record substitution</SubmitButton>
        </ActionForm>
      </section>
    </div>
  );
}
