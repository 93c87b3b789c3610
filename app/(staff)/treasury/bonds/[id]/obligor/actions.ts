"use server";
/** The obligor page: a new address of record, the I-333 date, a substitution (lib/obligors checks the role). */
import { redirect } from "next/navigation";
import { anyFields, validatedAction } from "@/lib/forms/validated-action";
import { changeAddress, recordI333, substituteObligor } from "@/lib/obligors/store";
import { requireId } from "@/lib/validation";

function back(bondId: string, done: string): never {
  redirect(`/treasury/bonds/${requireId(bondId, "bond")}/obligor?done=${done}`);
}

export const changeAddressAction = validatedAction(
  anyFields,
  async (f, { me, db }, bondId: string, obligorId: string) => {
    await changeAddress(db, me, requireId(obligorId, "obligor"), f);
    return back(bondId, "address");
  },
);

export const i333Action = validatedAction(anyFields, async (f, { me, db }, bondId: string, addressId: string) => {
  await recordI333(db, me, requireId(addressId, "address change"), f);
  return back(bondId, "i333");
});

export const substituteAction = validatedAction(anyFields, async (f, { me, db }, bondId: string) => {
  await substituteObligor(db, me, requireId(bondId, "bond"), f);
  return back(bondId, "substituted");
});
