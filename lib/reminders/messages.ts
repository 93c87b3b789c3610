/**
 * Reminder texts from message files (messages/reminders/<language>.json), so the fund adds a
 * language by adding a file. A language without a file falls back to English, and the lawyer is
 * warned. Texts carry only what the person needs: what, when, where, the lawyer's phone.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { APPOINTMENT_KINDS, type AppointmentKind } from "@/db/schema";
import { LANGUAGE_CODE } from "@/lib/appointments/input";
import { appointmentStart, type WallTime } from "./schedule";

const fileSchema = z.object({
  kinds: z.object(
    Object.fromEntries(APPOINTMENT_KINDS.map((k) => [k, z.string().min(1)])) as Record<AppointmentKind, z.ZodString>,
  ),
  reminder: z.string().min(1),
  correction: z.string().min(1),
  cancellation: z.string().min(1),
  subject: z.string().min(1),
});
export type MessageFile = z.infer<typeof fileSchema>;

const DIR = path.join(process.cwd(), "messages", "reminders");
const cache = new Map<string, MessageFile | null>();

function load(lang: string): MessageFile | null {
  if (!LANGUAGE_CODE.test(lang)) return null;
  if (!cache.has(lang)) {
    const file = path.join(DIR, `${lang}.json`);
    cache.set(lang, existsSync(file) ? fileSchema.parse(JSON.parse(readFileSync(file, "utf8"))) : null);
  }
  return cache.get(lang) ?? null;
}

/** Languages with a message file, e.g. ["en", "es", "ru"]. */
export function availableLanguages(): string[] {
  if (!existsSync(DIR)) return ["en"];
  return readdirSync(DIR)
    .filter((f) => f.endsWith(".json"))
    .map((f) => f.slice(0, -5))
    .filter((l) => LANGUAGE_CODE.test(l))
    .sort();
}

/** The file used for a language: its own, its base language's (es-MX → es), or English. */
export function messagesFor(lang: string): { lang: string; file: MessageFile; fallback: boolean } {
  const own = load(lang) ?? load(lang.split("-")[0]!);
  if (own) return { lang, file: own, fallback: false };
  return { lang: "en", file: load("en")!, fallback: true };
}

export function languageWarning(lang: string): string | null {
  if (!messagesFor(lang).fallback) return null;
  const name = languageName(lang);
  return `There is no reminder text in ${name} yet, so reminders go out in English. The fund can add messages/reminders/${lang}.json.`;
}

export function languageName(lang: string, inLang = "en"): string {
  try {
    return new Intl.DisplayNames([inLang], { type: "language" }).of(lang) ?? lang;
  } catch {
    return lang;
  }
}

export interface ComposeInput {
  kind: "reminder" | "correction" | "cancellation";
  appointmentKind: AppointmentKind;
  language: string;
  when: WallTime;
  place: string;
  lawyerPhone: string;
  previous?: WallTime;
}

export function formatDate(when: WallTime, lang: string): string {
  return new Intl.DateTimeFormat(lang, {
    timeZone: when.timeZone,
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
  }).format(appointmentStart(when));
}

export function formatTime(when: WallTime, lang: string): string {
  return new Intl.DateTimeFormat(lang, {
    timeZone: when.timeZone,
    hour: "numeric",
    minute: "2-digit",
    timeZoneName: "short",
  }).format(appointmentStart(when));
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => values[k] ?? m);
}

export function composeMessage(input: ComposeInput): { body: string; subject: string; lang: string } {
  const { lang, file } = messagesFor(input.language);
  const values = {
    what: file.kinds[input.appointmentKind],
    date: formatDate(input.when, lang),
    time: formatTime(input.when, lang),
    place: input.place,
    phone: input.lawyerPhone,
    oldDate: input.previous ? `${formatDate(input.previous, lang)}, ${formatTime(input.previous, lang)}` : "",
  };
  const subject = fill(file.subject, values);
  return { body: fill(file[input.kind], values), subject: subject.charAt(0).toUpperCase() + subject.slice(1), lang };
}
