import { getTranslations } from "next-intl/server";
import { env } from "@/lib/env";
import { formatMoney } from "@/lib/money";

type Action = (form: FormData) => Promise<void>;

const button = "rounded-lg px-5 py-3 font-semibold";

/**
 * Change the amount, change the card, stop: the three forms for one monthly gift, shared by the
 * receipt link's page (/give/cancel/[id], hidden token) and donor self-service (/my-gifts, session).
 */
export async function MonthlyGiftForms(props: {
  locale: string;
  gift: { id: string; amountCents: number; coverFeeCents: number };
  actions: { amount: Action; card: Action; stop: Action };
  hidden?: Record<string, string>;
  errorKey?: string | null;
  amountValue?: string;
  /** Unique per page when one page shows several gifts. */
  inputId?: string;
}) {
  const { locale, gift, actions } = props;
  const [t, te] = [await getTranslations("cancel"), await getTranslations("errors")];
  const inputId = props.inputId ?? "monthly-amount";
  const fields = Object.entries(props.hidden ?? {}).map(([name, value]) => (
    <input key={name} type="hidden" name={name} value={value} />
  ));
  return (
    <>
      <form action={actions.amount} className="space-y-3 rounded-xl border border-line p-4">
        <h2 className="text-lg font-semibold">{t("changeTitle")}</h2>
        {fields}
        <label htmlFor={inputId} className="block font-medium">
          {t("newAmount")}
        </label>
        <div className="relative">
          <span aria-hidden="true" className="absolute left-3 top-2 text-muted">
            $
          </span>
          <input
            id={inputId}
            name="amount"
            inputMode="decimal"
            autoComplete="off"
            defaultValue={props.amountValue ?? ((gift.amountCents - gift.coverFeeCents) / 100).toFixed(2)}
            aria-invalid={Boolean(props.errorKey)}
            aria-describedby={props.errorKey ? `${inputId}-error` : undefined}
            className={`block w-full rounded-md border bg-white px-3 py-2 pl-7 text-base ${props.errorKey ? "border-red-700" : "border-line"}`}
          />
        </div>
        {props.errorKey && (
          <p id={`${inputId}-error`} className="text-sm font-medium text-red-800">
            {te(props.errorKey, { max: formatMoney(env().DONATION_MAX_CENTS, locale, { wholeDollars: true }) })}
          </p>
        )}
        <label className="flex items-start gap-3">
          <input
            type="checkbox"
            name="coverFee"
            defaultChecked={gift.coverFeeCents > 0}
            className="mt-1 h-5 w-5 shrink-0 accent-brand"
          />
          <span>{t("coverFee")}</span>
        </label>
        <p className="text-sm text-muted">{t("changeExplain")}</p>
        <button type="submit" className={`${button} bg-brand text-white hover:opacity-90`}>
          {t("changeConfirm")}
        </button>
      </form>

      <form action={actions.card} className="space-y-3 rounded-xl border border-line p-4">
        <h2 className="text-lg font-semibold">{t("cardTitle")}</h2>
        {fields}
        <p className="text-sm text-muted">{t("cardExplain")}</p>
        <button type="submit" className={`${button} border border-brand text-brand hover:bg-brand-soft`}>
          {t("cardConfirm")}
        </button>
      </form>

      <form action={actions.stop} className="space-y-3 rounded-xl border border-line p-4">
        <h2 className="text-lg font-semibold">{t("stopTitle")}</h2>
        {fields}
        <p className="text-sm text-muted">{t("explain")}</p>
        <button type="submit" className={`${button} border border-red-800 text-red-800 hover:bg-red-50`}>
          {t("confirm")}
        </button>
      </form>
    </>
  );
}
