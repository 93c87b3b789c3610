/** Nodemailer over SMTP when SMTP_URL is set; otherwise none (mail stays readable in the development outbox). */
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/env";

const holder = globalThis as typeof globalThis & { __openbondMail?: Transporter | null };

export function mailTransport(): Transporter | null {
  if (holder.__openbondMail === undefined) {
    const url = env().SMTP_URL;
    holder.__openbondMail = url
      ? nodemailer.createTransport(url, { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 })
      : null;
  }
  return holder.__openbondMail;
}

/** Tests point mail at their own SMTP server. */
export function setMailTransportForTests(t: Transporter | null): void {
  holder.__openbondMail = t;
}
