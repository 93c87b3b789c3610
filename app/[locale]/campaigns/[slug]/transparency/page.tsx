import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db";
import { Link } from "@/lib/i18n/link";
import { pageLoad } from "@/lib/outage/render-guard";
import { campaignTransparency } from "@/lib/reports/campaign-transparency";
import { TransparencyFigures } from "../../../../components/transparency-figures";

export const dynamic = "force-dynamic";
type Props = { params: Promise<{ locale: string; slug: string }> };

const load = cache((slug: string) => pageLoad(async () => campaignTransparency(await getDb(), slug)));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, slug } = await params;
  const c = await load(slug);
  if (!c) return {};
  const t = await getTranslations({ locale, namespace: "transparency" });
  return { title: t("campaignTitle", { alias: `${c.campaign.alias}*` }) };
}

export default async function CampaignTransparencyPage({ params }: Props) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const c = await load(slug);
  if (!c) notFound();
  const t = await getTranslations("transparency");
  const alias = `${c.campaign.alias}*`;
  return (
    <>
      <section className="mb-8 max-w-2xl">
        <p className="mb-2 text-sm">
          <Link href={`/campaigns/${c.campaign.slug}`} className="text-brand underline">
            {t("backToCampaign", { alias })}
          </Link>
        </p>
        <h1 className="text-3xl font-semibold tracking-tight">{t("campaignTitle", { alias })}</h1>
        <p className="mt-3 text-muted">{t("campaignIntro", { alias })}</p>
      </section>
      <TransparencyFigures figures={c.figures} campaign={c.figures} locale={locale} />
      <p className="mt-8 text-sm">
        <Link href="/transparency" className="text-brand underline">
          {t("wholeFund")}
        </Link>
      </p>
    </>
  );
}
