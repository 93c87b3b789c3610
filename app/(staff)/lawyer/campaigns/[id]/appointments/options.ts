/** Choices for the appointment forms: kinds, time zones (US zones first), reminder languages. */
import { APPOINTMENT_KINDS } from "@/db/schema";
import { KIND_LABELS } from "@/lib/appointments/appointments";
import { availableLanguages, languageName } from "@/lib/reminders/messages";

const US_ZONES = [
  "America/New_York",
  "America/Chicago",
  "America/Denver",
  "America/Phoenix",
  "America/Los_Angeles",
  "America/Anchorage",
  "Pacific/Honolulu",
  "America/Puerto_Rico",
  "Pacific/Guam",
];
/** Languages often needed, offered even without a message file (then English with a warning). */
const COMMON = ["en", "es", "ru", "uk", "pt", "fr", "ht", "ar", "zh", "hi", "pa", "tr", "ro", "ka", "am", "ti", "vi"];

export const kindOptions = APPOINTMENT_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }));

export function zoneOptions() {
  const all = Intl.supportedValuesOf("timeZone").filter((z) => !US_ZONES.includes(z));
  return [...US_ZONES, ...all].map((z) => ({ value: z, label: z.replace(/_/g, " ") }));
}

export function languageOptions() {
  const files = new Set(availableLanguages());
  return [...new Set([...files, ...COMMON])]
    .map((l) => ({
      value: l,
      label: `${languageName(l)}${files.has(l) ? "" : " (English text: no message file yet)"}`,
    }))
    .sort((a, b) => Number(!files.has(a.value)) - Number(!files.has(b.value)) || a.label.localeCompare(b.label));
}
