import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/db";
import { pageLoad } from "@/lib/outage/render-guard";
import { transparency } from "@/lib/reports/transparency";
import { TransparencyFigures } from "../../components/transparency-figures";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: "transparency" });
  return { title: t("title") };
}

export default async function TransparencyPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("transparency");
  const f = await pageLoad(async () => transparency(await getDb()));
  return (
    <>
      <section className="mb-8 max-w-2xl">
        <h1 className="text-3xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="mt-3 text-muted">{t("intro")}</p>
      </section>
      <TransparencyFigures figures={f} locale={locale} />
    </>
  );
}
