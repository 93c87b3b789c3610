/**
 * What every page under a bond (notices, obligor, refund recovery) does first: treasurers and admins
 * only (sign-in or 403 otherwise), a checked bond id, the bond named by its alias (404 when it does not
 * exist), the page's own data, and the same header: back to the bond, the title, the done banner.
 */
import Link from "next/link";
import type { ReactElement } from "react";
import { getDb } from "@/db";
import type { Db } from "@/db/client";
import type { Principal } from "@/lib/auth/roles";
import { gate, load } from "@/app/components/staff/gate";
import { DoneBanner } from "@/app/components/staff/done-banner";
import { bondSummary } from "@/lib/bonds/bond-summary";
import { requireId } from "@/lib/validation";

export type BondSubPageProps = { params: Promise<{ id: string }>; searchParams: Promise<{ done?: string }> };
type Bond = Awaited<ReturnType<typeof bondSummary>>;
type Loaded<T> = { denied?: undefined; me: Principal; bond: Bond; data: T; done?: string };

export async function loadBondSubPage<T>(
  props: BondSubPageProps,
  more: (db: Db, me: Principal, bondId: string) => Promise<T>,
): Promise<Loaded<T> | { denied: ReactElement }> {
  const g = await gate("treasurer", "admin");
  if (g.denied) return { denied: g.denied };
  const [{ id }, { done }] = await Promise.all([props.params, props.searchParams]);
  const db = await getDb();
  const r = await load(async () => {
    const bondId = requireId(id, "bond");
    const bond = await bondSummary(db, g.me, bondId);
    return { bond, data: await more(db, g.me, bondId) };
  });
  if (r.denied) return { denied: r.denied };
  return { ...r.value, me: g.me, done };
}

export function BondSubPageHeader({
  bond,
  title,
  messages,
  done,
}: {
  bond: Bond;
  title: string;
  messages: Record<string, string>;
  done?: string;
}) {
  return (
    <>
      <p className="text-sm">
        <Link href={`/treasury/bonds/${bond.id}`} className="text-brand underline">
          ← Bond for {bond.alias}*
        </Link>
      </p>
      <h1 className="text-2xl font-semibold">
        {title} · bond for {bond.alias}*
      </h1>
      <DoneBanner messages={messages} code={done} />
    </>
  );
}
