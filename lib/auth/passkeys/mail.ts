/** The notice mailed when a passkey is added, so an enrolment its owner did not make is noticed. */
import { appUrl } from "@/lib/app-origin";
import { env } from "@/lib/env";

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export function passkeyAddedMail(label: string): { subject: string; text: string; html: string } {
  const fund = env().FUND_NAME;
  const url = appUrl("/account");
  const subject = `A passkey was added to your ${fund} account`;
  const text = `A passkey named "${label}" was just added to your staff account at ${fund}.\n\nIf this was you, there is nothing to do. If it was not, tell a fund administrator at once: they can reset your passkeys and end every session. Your passkeys are listed at ${url}`;
  const html = `<p>A passkey named “${esc(label)}” was just added to your staff account at ${esc(fund)}.</p><p>If this was you, there is nothing to do. If it was not, tell a fund administrator at once: they can reset your passkeys and end every session.</p><p><a href="${esc(url)}">Your passkeys</a></p>`;
  return { subject, text, html };
}
