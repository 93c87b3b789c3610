import { getDb } from "@/db";
import { listCampaignCards } from "@/lib/campaigns/queries";
import { AliasDisc } from "../components/alias-disc";
import { Progress } from "../components/progress";

// Amounts come from the ledger at request time.
export const dynamic = "force-dynamic";

export default async function HomePage() {
  const campaigns = await listCampaignCards(await getDb());
  return (
    <>
      <section className="mb-8 max-w-2xl">
        <h1 className="text-3xl font-semibold tracking-tight">Help pay a bond, bring someone home</h1>
        <p className="mt-3 text-muted">
          When an immigration judge sets a bond, a person is released only if someone pays it in full. Each campaign
          below pays one person&apos;s bond. When the case ends, the bond is refunded to the fund and pays the next one.
        </p>
      </section>
      <h2 className="mb-4 text-xl font-semibold">Live campaigns</h2>
      {campaigns.length === 0 ? (
        <p className="text-muted">There are no live campaigns right now.</p>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2" aria-label="Live campaigns">
          {campaigns.map((c) => (
            <li key={c.id} className="rounded-xl border border-line bg-white p-5 shadow-sm" data-testid="campaign-card">
              <div className="flex items-center gap-3">
                <AliasDisc alias={c.alias} seed={c.slug} />
                <div>
                  <h3 className="text-lg font-semibold">
                    {c.alias}* <span className="font-normal text-muted">· {c.region}</span>
                  </h3>
                  <p className="text-sm text-muted">{c.summary}</p>
                </div>
              </div>
              <div className="mt-4">
                <Progress raised={c.raisedCents} goal={c.goalCents} />
                <p className="mt-1 text-sm text-muted">
                  {c.donorCount} {c.donorCount === 1 ? "donor" : "donors"}
                </p>
              </div>
            </li>
          ))}
        </ul>
      )}
      <p className="mt-8 text-xs text-muted">* An alias chosen for the person&apos;s safety.</p>
    </>
  );
}
