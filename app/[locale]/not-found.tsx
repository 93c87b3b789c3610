import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/link";

export default async function NotFound() {
  const t = await getTranslations("notFound");
  return (
    <section className="max-w-xl">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-2 text-muted">{t("body")}</p>
      <Link href="/" className="mt-4 inline-block font-medium text-brand underline">
        {t("home")}
      </Link>
    </section>
  );
}
