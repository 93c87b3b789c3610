"use server";
import { getTranslations } from "next-intl/server";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { isDbUnavailable } from "@/db/faults";
import { requestOrigin, servedOverHttps } from "@/lib/app-origin";
import { createCheckout, type CheckoutResult } from "@/lib/donations/checkout";
import { clientIp } from "@/lib/donations/client-ip";
import { giveValues, toCheckoutInput, type GiveValues } from "@/lib/donations/give-form";
import { env } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { formatUsd } from "@/lib/money";
import { getStripe } from "@/lib/payments/stripe-client";

const FIELDS = ["amount", "frequency", "paymentMethod", "displayName", "email"] as const;
type GiveField = (typeof FIELDS)[number];

export interface GiveState {
  /** Bumped on every answer so the form re-mounts showing exactly what was sent. */
  attempt: number;
  values: GiveValues;
  errors: Partial<Record<GiveField | "form", string>>;
}

export async function startGift(slug: string, locale: string, prev: GiveState, form: FormData): Promise<GiveState> {
  const values = giveValues(form);
  let result: CheckoutResult;
  try {
    const h = await headers();
    result = await createCheckout(await getDb(), getStripe(), toCheckoutInput(slug, locale, values), {
      ip: clientIp(h),
      origin: requestOrigin(h),
    });
  } catch (e) {
    const t = await getTranslations({ locale, namespace: "errors" });
    const key =
      isAppError(e) && typeof e.details?.key === "string" && t.has(e.details.key)
        ? e.details.key
        : isDbUnavailable(e)
          ? "databaseBusy"
          : "generic";
    const field = isAppError(e) && e.code === "validation" ? String(e.details?.field ?? "form") : "form";
    const e2 = env();
    const message = t(key, {
      max: formatUsd(e2.DONATION_MAX_CENTS, { wholeDollars: true }),
      min: formatUsd(e2.FUND_ACH_MIN_CENTS, { wholeDollars: true }),
    });
    return {
      attempt: (prev?.attempt ?? 0) + 1,
      values,
      errors: { [(FIELDS as readonly string[]).includes(field) ? field : "form"]: message },
    };
  }
  if (result.cancelToken) {
    // The only copy of the stop-my-gift secret: handed to the thank-you page, never stored in clear.
    (await cookies()).set(`ob_cancel_${result.id}`, result.cancelToken, {
      httpOnly: true,
      secure: servedOverHttps(),
      sameSite: "lax",
      path: "/",
      maxAge: 2 * 60 * 60,
    });
  }
  // Outside try/catch: redirect() works by throwing.
  redirect(result.url);
}
