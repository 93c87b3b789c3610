/** The public, anonymized side of a campaign, as a lawyer enters it. */
import { z } from "zod";

export const US_REGIONS = [
  "Alabama",
  "Alaska",
  "Arizona",
  "Arkansas",
  "California",
  "Colorado",
  "Connecticut",
  "Delaware",
  "District of Columbia",
  "Florida",
  "Georgia",
  "Hawaii",
  "Idaho",
  "Illinois",
  "Indiana",
  "Iowa",
  "Kansas",
  "Kentucky",
  "Louisiana",
  "Maine",
  "Maryland",
  "Massachusetts",
  "Michigan",
  "Minnesota",
  "Mississippi",
  "Missouri",
  "Montana",
  "Nebraska",
  "Nevada",
  "New Hampshire",
  "New Jersey",
  "New Mexico",
  "New York",
  "North Carolina",
  "North Dakota",
  "Ohio",
  "Oklahoma",
  "Oregon",
  "Pennsylvania",
  "Puerto Rico",
  "Rhode Island",
  "South Carolina",
  "South Dakota",
  "Tennessee",
  "Texas",
  "Utah",
  "Vermont",
  "Virginia",
  "Washington",
  "West Virginia",
  "Wisconsin",
  "Wyoming",
] as const;

export const MAX_STORY_CHARS = 5_000;

export const publicFieldsSchema = z.object({
  alias: z
    .string()
    .trim()
    .min(2, "Alias must be at least 2 letters.")
    .max(40, "Alias must be at most 40 characters.")
    .regex(/^[\p{L}][\p{L} .'-]*$/u, "Alias may contain only letters, spaces, dots, apostrophes and hyphens."),
  region: z.enum(US_REGIONS, { error: "Choose a state or territory for the region." }),
  summary: z
    .string()
    .trim()
    .min(10, "Write a one-line summary (at least 10 characters).")
    .max(160, "The summary must fit in 160 characters."),
  story: z
    .string()
    .trim()
    .min(50, "The story must be at least 50 characters.")
    .max(MAX_STORY_CHARS, `The story must be at most ${MAX_STORY_CHARS.toLocaleString("en-US")} characters.`),
  detentionMonth: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "Month of detention must look like 2026-09.")
    .refine((m) => m <= new Date().toISOString().slice(0, 7), "Month of detention cannot be in the future.")
    .nullable()
    .default(null),
});

/** The texts the PII guard checks, keyed by the field names shown to the lawyer. */
export function guardFields(p: {
  alias: string;
  region: string;
  summary: string;
  story: string;
}): Record<string, string> {
  return { Alias: p.alias, Region: p.region, Summary: p.summary, Story: p.story };
}
