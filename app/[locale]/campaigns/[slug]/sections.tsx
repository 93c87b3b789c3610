import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/link";

interface Props {
  story: string;
  month: string | null;
  updates: { id: string; body: string; lang: string; when: string }[];
  wall: { id: string; name: string; amount: string | null }[];
  deductible: boolean;
  slug: string;
}

/** Story, badge, updates, donor wall and the plain-words policy, in the order UX.md asks for. */
export async function CampaignSections({ story, month, updates, wall, deductible, slug }: Props) {
  const t = await getTranslations("campaign");
  const h2 = "mb-3 text-xl font-semibold";
  return (
    <>
      <section aria-labelledby="story-heading">
        <h2 id="story-heading" className={h2}>
          {t("story")}
        </h2>
        {month && <p className="mb-2 text-sm text-muted">{t("detained", { month })}</p>}
        <div className="space-y-3 leading-relaxed" data-testid="story">
          {story.split(/\n{2,}/).map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </div>
        <p
          className="mt-4 flex items-start gap-2 rounded-md border border-brand/30 bg-brand-soft p-3 text-sm font-medium text-brand"
          data-testid="verified-badge"
        >
          <svg aria-hidden="true" viewBox="0 0 20 20" className="mt-0.5 h-4 w-4 shrink-0 fill-current">
            <path d="M10 1l7 3v5c0 4.5-3 8.3-7 10-4-1.7-7-5.5-7-10V4l7-3zm-1.2 12.4l5.3-5.3-1.4-1.4-3.9 3.9-1.9-1.9-1.4 1.4 3.3 3.3z" />
          </svg>
          {t("verified")}
        </p>
      </section>

      <section aria-labelledby="updates-heading">
        <h2 id="updates-heading" className={h2}>
          {t("updates")}
        </h2>
        {updates.length === 0 ? (
          <p className="text-muted">{t("noUpdates")}</p>
        ) : (
          <ol className="space-y-4 border-l-2 border-line pl-4" data-testid="updates">
            {updates.map((u) => (
              <li key={u.id}>
                <p className="text-sm text-muted">{u.when}</p>
                {/* Plain text: React escapes it; line breaks kept, no markup. */}
                <p className="whitespace-pre-line" lang={u.lang}>
                  {u.body}
                </p>
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="wall-heading">
        <h2 id="wall-heading" className={h2}>
          {t("wall")}
        </h2>
        {wall.length === 0 ? (
          <p className="text-muted">{t("noDonors")}</p>
        ) : (
          <ul className="grid grid-cols-1 gap-x-6 sm:grid-cols-2" data-testid="donor-wall">
            {wall.map((w) => (
              <li key={w.id} className="flex justify-between border-b border-line py-2">
                <span>{w.name}</span>
                {w.amount && <span className="font-medium tabular-nums">{w.amount}</span>}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section
        aria-labelledby="policy-heading"
        className="rounded-xl bg-white p-5 ring-1 ring-line"
        data-testid="policy"
      >
        <h2 id="policy-heading" className={h2}>
          {t("policy")}
        </h2>
        <ul className="list-disc space-y-2 pl-5">
          <li>{t("policyExtra")}</li>
          <li>{t("policyRefund")}</li>
          <li>{t("policyFail")}</li>
          <li>{deductible ? t("deductibleYes") : t("deductibleNo")}</li>
        </ul>
        <p className="mt-3">
          <Link
            href={`/campaigns/${slug}/transparency`}
            className="font-medium text-brand underline"
            data-testid="campaign-money-link"
          >
            {t("moneyLink")}
          </Link>
        </p>
      </section>
    </>
  );
}
