import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { cookies } from "next/headers";
import { getDb } from "@/db";
import { DONOR_COOKIE, donorSessionEmail } from "@/lib/donor-portal/access";
import { pageLoad } from "@/lib/outage/render-guard";
import { requestLink } from "./actions";
import { DonorGifts } from "./donor-gifts";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "My gifts", robots: { index: false }, referrer: "same-origin" };

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
};

/** Without a session: ask for a link. With one: the donor's gifts, statements and monthly gifts. */
export default async function MyGiftsPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const q = await searchParams;
  const t = await getTranslations("myGifts");
  const token = (await cookies()).get(DONOR_COOKIE)?.value;
  const email = await pageLoad(async () => donorSessionEmail(await getDb(), token));
  if (email) return <DonorGifts locale={locale} email={email} q={q} />;
  const error = q.error === "emailInvalid";
  return (
    <section className="max-w-xl">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      {q.invalid && (
        <p role="status" className="mt-4 rounded-md border border-amber-300 bg-amber-50 p-3">
          {t("linkInvalid")}
        </p>
      )}
      {q.sent ? (
        <p role="status" data-testid="my-gifts-sent" className="mt-4 rounded-md border border-line bg-white p-4">
          {t("sent")}
        </p>
      ) : (
        <form action={requestLink.bind(null, locale)} className="mt-4 space-y-3" noValidate>
          <p>{t("intro")}</p>
          <label htmlFor="donor-email" className="block font-medium">
            {t("email")}
          </label>
          <input
            id="donor-email"
            name="email"
            type="email"
            autoComplete="email"
            required
            maxLength={254}
            aria-invalid={error}
            aria-describedby={error ? "donor-email-error" : undefined}
            className={`block w-full rounded-md border bg-white px-3 py-2 text-base ${error ? "border-red-700" : "border-line"}`}
          />
          {error && (
            <p id="donor-email-error" className="text-sm font-medium text-red-800">
              {t("emailInvalid")}
            </p>
          )}
          <button type="submit" className="rounded-lg bg-brand px-5 py-3 font-semibold text-white hover:opacity-90">
            {t("send")}
          </button>
        </form>
      )}
    </section>
  );
}
