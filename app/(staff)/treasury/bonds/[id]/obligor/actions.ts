"use server";
import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { currentPrincipal } from "@/lib/auth/config";
import { attempt, type FormState } from "@/lib/forms/form-state";
import { changeAddress, recordI333, substituteObligor } from "@/lib/obligors/store";
import { requireId } from "@/lib/validation";

const fields = (fd: FormData) =>
  Object.fromEntries(
    [...fd.entries()].filter((e): e is [string, string] => typeof e[1] === "string" && !e[0].startsWith("$")),
  );

async function run(bondId: string, done: string, fn: () => Promise<unknown>): Promise<FormState> {
  const r = await attempt(fn);
  if (!r.ok) return r.state;
  redirect(`/treasury/bonds/${bondId}/obligor?done=${done}`);
}

export async function changeAddressAction(
  bondId: string,
  obligorId: string,
  _p: FormState,
  fd: FormData,
): Promise<FormState> {
  const me = await currentPrincipal();
  return run(bondId, "address", async () =>
    changeAddress(await getDb(), me, requireId(obligorId, "obligor"), fields(fd)),
  );
}

export async function i333Action(bondId: string, addressId: string, _p: FormState, fd: FormData): Promise<FormState> {
  const me = await currentPrincipal();
  return run(bondId, "i333", async () =>
    recordI333(await getDb(), me, requireId(addressId, "address change"), fields(fd)),
  );
}

export async function substituteAction(bondId: string, _p: FormState, fd: FormData): Promise<FormState> {
  const me = await currentPrincipal();
  return run(bondId, "substituted", async () =>
    substituteObligor(await getDb(), me, requireId(bondId, "bond"), fields(fd)),
  );
}
