import { COUNTRIES_A_L } from "./country-data-a-l";
import { COUNTRIES_M_Z } from "./country-data-m-z";
import { foldString, words } from "./normalize";
import { PhraseMatcher } from "./phrases";

// ICE's public detainee locator needs only name + country of birth, so a
// country or nationality word is sensitive even on its own: the client's is
// blocked, any other is flagged so a reviewer can judge the context.

export interface CountryWord {
  /** Indexes of the countries this word can mean ("Congolese" means two). */
  readonly countries: readonly number[];
  /** False for words common in ordinary text ("Georgia", "Spanish"). */
  readonly flaggable: boolean;
}

interface Variant {
  readonly folded: string;
  readonly flaggable: boolean;
}

const ALL: readonly string[] = [...COUNTRIES_A_L, ...COUNTRIES_M_Z];

/** Phrases that contain a country word but name something else. */
const STOP_PHRASES: readonly string[] = [
  "new mexico",
  "nuevo mexico",
  "guinea pig",
  "guinea pigs",
  "french fries",
  "french toast",
  "turkey day",
];

function splitVariants(field: string | undefined): Variant[] {
  if (!field) return [];
  return field
    .split(";")
    .map((v) => v.trim())
    .filter((v) => v.length > 0)
    .map((v) => ({
      folded: foldString(v.replace(/^~/, "")),
      flaggable: !v.startsWith("~"),
    }));
}

// English plurals: "Venezuelans", but "the Chinese", "the French".
function englishForms(v: Variant): Variant[] {
  const w = v.folded;
  const invariant = /(ese|ch|sh|ss)$/.test(w);
  return invariant ? [v] : [v, { ...v, folded: `${w}s` }];
}

// Spanish demonyms inflect for gender and number: venezolano/a/os/as,
// alemán → alemana/alemanes/alemanas, belga → belgas, iraní → iraníes.
function spanishForms(v: Variant): Variant[] {
  const w = v.folded;
  const forms = [w];
  if (w.endsWith("o")) {
    const stem = w.slice(0, -1);
    forms.push(`${stem}a`, `${stem}os`, `${stem}as`);
  } else if (/[aei]$/.test(w)) {
    forms.push(`${w}s`);
    if (w.endsWith("i")) forms.push(`${w}es`);
  } else if (w.endsWith("u")) {
    forms.push(`${w}es`, `${w}s`);
  } else {
    forms.push(`${w}a`, `${w}es`, `${w}as`);
  }
  return forms.map((folded) => ({ folded, flaggable: v.flaggable }));
}

function countryVariants(line: string): Variant[] {
  const [en, es, enDem, esDem] = line.split("|");
  return [
    ...splitVariants(en),
    ...splitVariants(es),
    ...splitVariants(enDem).flatMap(englishForms),
    ...splitVariants(esDem).flatMap(spanishForms),
  ];
}

const VARIANTS: readonly Variant[][] = ALL.map(countryVariants);

function buildMatcher(): PhraseMatcher<CountryWord> {
  const merged = new Map<string, { countries: number[]; flaggable: boolean }>();
  VARIANTS.forEach((variants, index) => {
    for (const v of variants) {
      const prior = merged.get(v.folded);
      if (prior) {
        if (!prior.countries.includes(index)) prior.countries.push(index);
        prior.flaggable = prior.flaggable && v.flaggable;
      } else {
        merged.set(v.folded, { countries: [index], flaggable: v.flaggable });
      }
    }
  });
  const matcher = new PhraseMatcher<CountryWord>();
  for (const stop of STOP_PHRASES) matcher.add(words(stop), null);
  for (const [folded, word] of merged) matcher.add(words(folded), word);
  return matcher;
}

export const COUNTRY_MATCHER: PhraseMatcher<CountryWord> = buildMatcher();

/**
 * Indexes of the shipped countries a case-file value names ("Venezuela",
 * "venezolana", "República Dominicana"); empty when we do not know it.
 */
export function lookUpCountry(value: string): number[] {
  const target = words(value).join(" ");
  const found: number[] = [];
  VARIANTS.forEach((variants, index) => {
    if (variants.some((v) => words(v.folded).join(" ") === target)) found.push(index);
  });
  return found;
}
