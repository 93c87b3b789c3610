import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { cache } from "react";
import { appOrigin } from "@/lib/app-origin";
import { pageLoad } from "@/lib/outage/render-guard";
import { ACCEPTING_STATUSES } from "@/lib/donations/checkout";
import { env } from "@/lib/env";
import { Link } from "@/lib/i18n/link";
import { formatMoney } from "@/lib/money";
import { AliasDisc } from "../../../components/alias-disc";
import { Progress } from "../../../components/progress";
import { ShareLinks } from "../../../components/share-links";
import { publicCampaignPage } from "../../../revalidate-public";
import { startGift } from "./actions";
import { feeRatesFrom } from "@/lib/donations/fee-rates";
import { DonateForm } from "./donate-form";
import { giveLabels } from "./give-labels";
import { CampaignSections } from "./sections";

/**
 * Rendered on demand, never prerendered: its scripts must carry a CSP nonce (proxy.ts, issue 11
 * finding 4). Its data is cached (publicCampaignPage: 30 s, and expired at once when money is
 * booked), and so is its HTML, which proxy.ts serves to page loads with each response's own
 * nonce (lib/cache/public-html.ts; bench: page).
 */
export const dynamic = "force-dynamic";
type Props = { params: Promise<{ locale: string; slug: string }> };

const load = cache((slug: string) => pageLoad(() => publicCampaignPage(slug, env().DONOR_WALL_AMOUNTS === "show")));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const c = (await load((await params).slug))?.campaign;
  return c ? { title: `${c.alias}* · ${c.region}`, description: c.summary } : {};
}

export default async function CampaignPage({ params }: Props) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const page = await load(slug);
  if (!page) notFound();
  const { campaign: c, updates, wall } = page;
  const [t, format] = [await getTranslations("campaign"), await getFormatter()];
  const e = env();
  const accepting = (ACCEPTING_STATUSES as readonly string[]).includes(c.status);
  const url = `${appOrigin(e)}${locale === "en" ? "" : `/${locale}`}/campaigns/${c.slug}`;
  const month = c.detentionMonth
    ? format.dateTime(new Date(`${c.detentionMonth}-15T12:00:00Z`), { month: "long", year: "numeric", timeZone: "UTC" })
    : null;

  return (
    <div className="md:grid md:grid-cols-[minmax(0,1fr)_22rem] md:gap-10">
      <header className="mb-6 flex items-center gap-4 md:col-span-2">
        <AliasDisc alias={c.alias} seed={c.slug} />
        <div>
          <h1 className="text-3xl font-semibold tracking-tight">
            {c.alias}* <span className="font-normal text-muted">· {c.region}</span>
          </h1>
          <p className="mt-1 text-muted">{c.summary}</p>
        </div>
      </header>

      <aside className="mb-8 md:col-start-2 md:row-start-2 md:row-span-2" aria-label={t("donate")}>
        <div className="rounded-xl border border-line bg-white p-5 shadow-sm md:sticky md:top-4">
          <Progress
            large
            raised={c.raisedCents}
            goal={c.goalCents}
            locale={locale}
            means={t("raisedMeans")}
            ofGoal={t("raisedOf", { goal: formatMoney(c.goalCents, locale, { wholeDollars: true }) })}
          />
          <p className="mt-2 text-sm text-muted" data-testid="donor-count">
            {t("donors", { count: c.donorCount })}
          </p>
          {accepting ? (
            <a
              href="#give"
              className="mt-4 hidden rounded-lg bg-brand px-4 py-3 text-center text-lg font-semibold text-white hover:opacity-90 md:block"
            >
              {t("donate")}
            </a>
          ) : (
            <p className="mt-4 rounded-md bg-brand-soft p-3 text-sm">
              {t("notAccepting")}{" "}
              <Link href="/" className="font-medium text-brand underline">
                {t("seeOthers")}
              </Link>
            </p>
          )}
          <p className="mt-4 text-xs text-muted">{t("aliasNote", { alias: `${c.alias}*` })}</p>
        </div>
      </aside>

      <div className="space-y-10 md:col-start-1 md:row-start-2">
        <CampaignSections
          story={c.story}
          month={month}
          updates={updates.map((u) => ({
            id: u.id,
            // Spanish pages show the Spanish text when the lawyer wrote one, else the English (marked lang="en").
            ...(locale === "es" && u.bodyEs ? { body: u.bodyEs, lang: "es" } : { body: u.body, lang: "en" }),
            when: format.dateTime(u.publishedAt, { month: "long", day: "numeric", year: "numeric", timeZone: "UTC" }),
          }))}
          wall={wall.map((w) => ({
            id: w.id,
            name: w.displayName ?? t(w.nameAwaitingReview ? "wallAwaitingReview" : "anonymous"),
            amount: w.giftCents === null ? null : formatMoney(w.giftCents, locale),
          }))}
          deductible={e.FUND_DEDUCTIBLE === "discretion"}
          slug={c.slug}
        />
        <ShareLinks
          url={url}
          text={t("shareText", { alias: `${c.alias}*` })}
          labels={{ heading: t("share"), copy: t("copyLink"), copied: t("copied"), email: t("email") }}
        />
        {accepting && (
          <section id="give" className="scroll-mt-4 rounded-xl border border-line bg-white p-5 shadow-sm">
            <DonateForm
              action={startGift.bind(null, c.slug, locale)}
              locale={locale}
              maxCents={e.DONATION_MAX_CENTS}
              rates={feeRatesFrom(e)}
              labels={await giveLabels(locale, c.alias, feeRatesFrom(e))}
            />
          </section>
        )}
      </div>

      {accepting && (
        <div className="fixed inset-x-0 bottom-0 z-10 border-t border-line bg-white/95 p-3 backdrop-blur md:hidden">
          <a href="#give" className="block rounded-lg bg-brand px-4 py-3 text-center text-lg font-semibold text-white">
            {t("stickyDonate", { alias: `${c.alias}*` })}
          </a>
        </div>
      )}
    </div>
  );
}
