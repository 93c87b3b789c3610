"use server";
/**
 * Donor self-service actions. Every one that touches a gift reads the donor's address from the
 * session cookie (never from the form), so a forged gift id finds nothing of anyone else's.
 */
import { cookies, headers } from "next/headers";
import { redirect as externalRedirect } from "next/navigation";
import { getDb } from "@/db";
import { appOrigin, requestOrigin } from "@/lib/app-origin";
import { clientIp } from "@/lib/donations/client-ip";
import { cancelRecurringGift } from "@/lib/donations/cancel-recurring";
import { cardUpdateUrl, changeRecurringAmount } from "@/lib/donations/manage-recurring";
import {
  DONOR_COOKIE,
  SESSION_MINUTES,
  donorSessionEmail,
  endDonorSession,
  openDonorLink,
  requestDonorLink,
} from "@/lib/donor-portal/access";
import { env } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { redirect } from "@/lib/i18n/navigation";
import { getStripe } from "@/lib/payments/stripe-client";
import { emailHash, resendYearEndStatement } from "@/lib/receipts/year-end-job";
import { hit } from "@/lib/donations/rate-limit";
import { now } from "@/lib/clock";

type Locale = "en" | "es";
const asLocale = (l: string): Locale => (l === "es" ? "es" : "en");
const back = (locale: string, query: Record<string, string> = {}) =>
  redirect({ href: { pathname: "/my-gifts", query }, locale });

async function sessionEmail(): Promise<string | null> {
  return donorSessionEmail(await getDb(), (await cookies()).get(DONOR_COOKIE)?.value);
}

async function requireEmail(locale: string): Promise<string> {
  const email = await sessionEmail();
  if (!email) return back(locale, { expired: "1" });
  return email;
}

export async function requestLink(locale: string, form: FormData): Promise<void> {
  try {
    await requestDonorLink(await getDb(), {
      email: String(form.get("email") ?? "").slice(0, 300),
      client: clientIp(await headers()),
      locale: asLocale(locale),
    });
  } catch (e) {
    if (isAppError(e) && e.code === "validation") return back(locale, { error: "emailInvalid" });
    throw e;
  }
  back(locale, { sent: "1" });
}

export async function openLink(locale: string, form: FormData): Promise<void> {
  const session = await openDonorLink(await getDb(), form.get("token"));
  if (!session) return back(locale, { invalid: "1" });
  (await cookies()).set(DONOR_COOKIE, session, {
    httpOnly: true,
    sameSite: "lax",
    secure: appOrigin(env()).startsWith("https:"),
    path: "/",
    maxAge: SESSION_MINUTES * 60,
  });
  back(locale);
}

export async function closeSession(locale: string): Promise<void> {
  const jar = await cookies();
  await endDonorSession(await getDb(), jar.get(DONOR_COOKIE)?.value);
  jar.delete(DONOR_COOKIE);
  back(locale);
}

export async function changeMonthlyAmount(locale: string, id: string, form: FormData): Promise<void> {
  const email = await requireEmail(locale);
  const amount = String(form.get("amount") ?? "").slice(0, 40);
  let outcome: string;
  try {
    outcome = await changeRecurringAmount(await getDb(), getStripe(), {
      id,
      token: { email },
      amount,
      coverFee: form.get("coverFee") === "on",
      maxCents: env().DONATION_MAX_CENTS,
    });
  } catch (e) {
    const key = isAppError(e) && typeof e.details?.key === "string" ? e.details.key : "generic";
    return back(locale, { error: key, gift: id, amount });
  }
  back(locale, { done: outcome === "changed" || outcome === "unchanged" ? "changed" : "notActive", gift: id });
}

export async function changeMonthlyCard(locale: string, id: string): Promise<void> {
  const email = await requireEmail(locale);
  const here = `${requestOrigin(await headers())}${locale === "en" ? "" : `/${locale}`}/my-gifts`;
  const url = await cardUpdateUrl(await getDb(), getStripe(), { id, token: { email }, returnUrl: here });
  if (url === "invalid" || url === "not_active") return back(locale, { done: "notActive", gift: id });
  externalRedirect(url);
}

export async function stopMonthly(locale: string, id: string): Promise<void> {
  const email = await requireEmail(locale);
  const outcome = await cancelRecurringGift(await getDb(), getStripe(), id, { email });
  back(locale, { done: outcome === "cancelled" || outcome === "already" ? "stopped" : "notActive" });
}

/** A donor's own statement mails are limited too (5 an hour), so a held session cannot flood their inbox. */
const STATEMENT_MAILS_PER_HOUR = 5;

export async function mailStatement(locale: string, year: number): Promise<void> {
  const email = await requireEmail(locale);
  const db = await getDb();
  if ((await hit(db, `statement_mail:${emailHash(email)}`, now())) > STATEMENT_MAILS_PER_HOUR)
    return back(locale, { done: "statementLimited" });
  try {
    await resendYearEndStatement(db, email, year);
  } catch (e) {
    if (isAppError(e) && e.code === "validation") return back(locale, { done: "notActive" });
    throw e;
  }
  back(locale, { done: "statementSent" });
}
