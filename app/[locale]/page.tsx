import { getTranslations, setRequestLocale } from "next-intl/server";
import { applyCampaignFilter, parseCampaignFilter, SORTS, statusesFor } from "@/lib/campaigns/list-filter";
import { PUBLIC_STATUSES } from "@/lib/campaigns/queries";
import { Link } from "@/lib/i18n/link";
import { formatMoney } from "@/lib/money";
import { pageLoad } from "@/lib/outage/render-guard";
import { publicCampaignCards } from "../revalidate-public";
import { AliasDisc } from "../components/alias-disc";
import { Progress } from "../components/progress";

// The filters make each visit dynamic; the campaign cards come from the data cache (publicCampaignCards).
export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function HomePage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations();
  const filter = parseCampaignFilter(await searchParams);
  const [all, listed] = await pageLoad(
    async () => [await publicCampaignCards(PUBLIC_STATUSES), await publicCampaignCards(statusesFor(filter))] as const,
  );
  const regions = [...new Set(all.map((c) => c.region))].sort();
  const campaigns = applyCampaignFilter(listed, filter);
  const sortLabel = { newest: t("home.sortNewest"), raised: t("home.sortRaised"), closest: t("home.sortClosest") };
  const select = "mt-1 block w-full rounded-md border border-line bg-white px-2 py-2 text-sm";
  return (
    <>
      <section className="mb-8 max-w-2xl">
        <h1 className="text-3xl font-semibold tracking-tight">{t("home.title")}</h1>
        <p className="mt-3 text-muted">{t("home.intro")}</p>
      </section>
      <h2 className="mb-3 text-xl font-semibold">{t("home.heading")}</h2>
      <form
        method="get"
        aria-label={t("home.filters")}
        className="mb-6 grid grid-cols-2 items-end gap-3 rounded-xl border border-line bg-white p-4 sm:grid-cols-4"
      >
        <label className="text-sm font-medium">
          {t("home.region")}
          <select name="region" defaultValue={filter.region ?? ""} className={select}>
            <option value="">{t("home.allRegions")}</option>
            {regions.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium">
          {t("home.status")}
          <select name="status" defaultValue={filter.status} className={select}>
            {PUBLIC_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
            <option value="all">{t("status.all")}</option>
          </select>
        </label>
        <label className="text-sm font-medium">
          {t("home.sort")}
          <select name="sort" defaultValue={filter.sort} className={select}>
            {SORTS.map((s) => (
              <option key={s} value={s}>
                {sortLabel[s]}
              </option>
            ))}
          </select>
        </label>
        <button
          type="submit"
          className="rounded-md bg-brand px-4 py-2 text-sm font-semibold text-white hover:opacity-90"
        >
          {t("home.apply")}
        </button>
      </form>
      {campaigns.length === 0 ? (
        <p className="text-muted">{t("home.empty")}</p>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2" aria-label={t("home.listLabel")}>
          {campaigns.map((c) => (
            <li
              key={c.id}
              className="relative rounded-xl border border-line bg-white p-5 shadow-sm hover:border-brand"
              data-testid="campaign-card"
            >
              <div className="flex items-center gap-3">
                <AliasDisc alias={c.alias} seed={c.slug} />
                <div>
                  <h3 className="text-lg font-semibold">
                    <Link href={`/campaigns/${c.slug}`} className="after:absolute after:inset-0 after:content-['']">
                      {c.alias}*
                    </Link>{" "}
                    <span className="font-normal text-muted">· {c.region}</span>
                  </h3>
                  <p className="text-sm text-muted">{c.summary}</p>
                </div>
              </div>
              <div className="mt-4">
                <Progress
                  raised={c.raisedCents}
                  goal={c.goalCents}
                  locale={locale}
                  ofGoal={t("campaign.raisedOf", { goal: formatMoney(c.goalCents, locale, { wholeDollars: true }) })}
                />
                <p className="mt-1 flex justify-between text-sm text-muted">
                  <span>{t("campaign.donors", { count: c.donorCount })}</span>
                  {c.status !== "live" && <span className="font-medium text-ink">{t(`status.${c.status}`)}</span>}
                </p>
              </div>
            </li>
          ))}
        </ul>
      )}
      <p className="mt-8 text-xs text-muted">{t("home.aliasNote")}</p>
    </>
  );
}
