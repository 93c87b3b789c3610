import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { checkPublicText } from "../../../lib/privacy/pii-guard";
import { CASE_FILE, blockedKinds, spans } from "./fixtures";

// Issue 11, finding 7: text that reads as the case file to a person must read
// as the case file to the guard, whatever invisible or look-alike characters it holds.

const SOFT_HYPHEN = "\u00ad";
const ZWJ = "\u200d";
const CYRILLIC_O = "\u041e";

describe("finding 7: Unicode tricks are normalised before matching", () => {
  it.each([
    ["soft hyphen inside a name", `Pé${SOFT_HYPHEN}rez`, "name"],
    ["zero-width joiner inside a name", `Gar${ZWJ}cía`, "name"],
    ["zero-width space inside a name", "Ju\u200ban", "name"],
    ["Cyrillic О for Latin O (name)", `CARL${CYRILLIC_O}S`, "name"],
    ["Cyrillic а and е for Latin a and e", "J\u0443\u0430n P\u0435r\u0435z".replace("\u0443", "u"), "name"],
    ["fullwidth letters", "\uff2a\uff55\uff41\uff4e", "name"],
    ["a name split by hyphens", "Pé-rez", "name"],
    ["a name split by spaces", "G a r c í a", "name"],
    ["a name split by dots", "C.a.r.l.o.s", "name"],
    ["initials with dots", "J.C.P.G. needs help", "name"],
    ["initials with spaces", "J C P G needs help", "name"],
    ["glued initials", "Help JCPG come home", "name"],
    ["fullwidth digits in an A-number", "A\uff10\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18", "a_number"],
    ["Arabic-Indic digits in an A-number", "A\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668", "a_number"],
    ["Extended Arabic-Indic digits", "\u06f0\u06f1\u06f2-\u06f3\u06f4\u06f5-\u06f6\u06f7\u06f8", "a_number"],
    ["soft hyphens between A-number digits", `A0${SOFT_HYPHEN}12${SOFT_HYPHEN}345678`, "a_number"],
    ["a phone with the letter O for zero", "call (512) 555-O147", "phone"],
    ["a phone with lower-case o for zero", "call 512 555 o147", "phone"],
    ["date of birth in English words", "born on March seventh, nineteen ninety", "date_of_birth"],
    ["date of birth as an ordinal word", "born the seventh of March", "date_of_birth"],
    ["date of birth in Spanish words", "nació el siete de marzo de mil novecientos noventa", "date_of_birth"],
  ])("%s", (_label, text, kind) => {
    expect(blockedKinds(text)).toContain(kind);
  });

  it("still points at the text as typed, with the invisible characters inside the highlight", () => {
    const text = `Hola, Pé${SOFT_HYPHEN}rez aquí.`;
    const r = checkPublicText({ story: text }, CASE_FILE);
    expect(spans(text, r.blocked)).toEqual([`Pé${SOFT_HYPHEN}rez`]);
  });

  it("never echoes the value in a message", () => {
    const r = checkPublicText(
      { story: `${CYRILLIC_O}kafor`, other: "A\uff10\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18" },
      {
        ...CASE_FILE,
        legalName: "Okafor Ade",
      },
    );
    for (const f of r.blocked) {
      expect(f.message).not.toMatch(/okafor|012345678/i);
      expect(f.message).not.toContain(CYRILLIC_O);
    }
  });

  it("the same messages as for plain text", () => {
    const plain = checkPublicText({ story: "Pérez" }, CASE_FILE).blocked.map((f) => f.message);
    const tricked = checkPublicText({ story: `Pé${ZWJ}rez` }, CASE_FILE).blocked.map((f) => f.message);
    expect(tricked).toEqual(plain);
  });

  it("ordinary words are not taken for split names or initials", () => {
    for (const text of [
      "He loves his kids and the fund needs help in Texas today.",
      "Gracias por su ayuda, de verdad.",
      "Call the office between 9 and 5.",
      "Born in March 1990, he came in 2019.",
    ]) {
      expect(checkPublicText({ story: text }, CASE_FILE).blocked).toEqual([]);
    }
  });
});

// Default-ignorable code points from Unicode (a sample across blocks) and look-alikes that
// confusables.txt maps onto Latin letters.
const IGNORABLE = [
  "\u00ad",
  "\u034f",
  "\u061c",
  "\u115f",
  "\u180e",
  "\u200b",
  "\u200c",
  "\u200d",
  "\u200e",
  "\u2060",
  "\u2064",
  "\ufe0f",
  "\ufeff",
];
const LOOKALIKE: Record<string, string[]> = {
  a: ["\u0430", "\uff41"],
  c: ["\u0441", "\u217d"],
  e: ["\u0435", "\uff45"],
  i: ["\u0456", "\u0131"],
  j: ["\u0458"],
  o: ["\u043e", "\u03bf", "\u0585"],
  p: ["\u0440", "\u03c1"],
  r: ["\u0433"],
  s: ["\u0455"],
  u: ["\u057d"],
  x: ["\u0445"],
  y: ["\u0443"],
};
const DIGIT_ZERO = [0x30, 0xff10, 0x660, 0x6f0, 0x966, 0x9e6, 0x1d7ce];

/** Inserts ignorable characters anywhere and swaps letters for look-alikes, at random. */
function disguise(value: string): fc.Arbitrary<string> {
  const chars = [...value];
  return fc
    .array(fc.tuple(fc.nat(IGNORABLE.length - 1), fc.boolean(), fc.nat(3), fc.boolean()), {
      minLength: chars.length,
      maxLength: chars.length,
    })
    .map((choices) =>
      chars
        .map((ch, i) => {
          const [ign, insert, pick, swap] = choices[i]!;
          const alts = LOOKALIKE[ch.toLowerCase()];
          const shown = swap && alts ? alts[pick % alts.length]! : ch;
          return (insert ? IGNORABLE[ign]! : "") + shown;
        })
        .join(""),
    );
}

const digitsIn = (zero: number, digits: string) =>
  [...digits].map((d) => String.fromCodePoint(zero + Number(d))).join("");

describe("property: ignorable characters and confusables never let a case-file value through", () => {
  const names = fc.constantFrom("Juan", "Carlos", "Pérez", "García", "Okafor", "Yesenia", "Oluwaseun");
  const filler = fc.constantFrom("", "We ask for help. ", "Mi familia ", "Thanks to ");

  it("name parts", () => {
    fc.assert(
      fc.property(
        names.chain((n) => disguise(n).map((d) => ({ n, d }))),
        filler,
        ({ n, d }, before) => {
          const caseFile = { ...CASE_FILE, legalName: `${n} Testname` };
          expect(blockedKinds(`${before}${d} today`, caseFile)).toContain("name");
        },
      ),
      { numRuns: 400 },
    );
  });

  it("A-numbers in any decimal script, with ignorables between digits", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[0-9]{9}$/),
        fc.constantFrom(...DIGIT_ZERO),
        fc.array(fc.constantFrom(...IGNORABLE, "", "", ""), { minLength: 9, maxLength: 9 }),
        (a, zero, gaps) => {
          const written = [...digitsIn(zero, a)].map((d, i) => gaps[i] + d).join("");
          expect(blockedKinds(`A# ${written}`, { ...CASE_FILE, aNumber: a })).toContain("a_number");
        },
      ),
      { numRuns: 300 },
    );
  });

  it("the phone number, with ignorables and O for zero", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...IGNORABLE, ""), { minLength: 10, maxLength: 10 }),
        fc.boolean(),
        (gaps, oh) => {
          const phone = "5125550147";
          const written = [...phone].map((d, i) => gaps[i] + (oh && d === "0" ? "O" : d)).join("");
          expect(blockedKinds(`text ${written} please`)).toContain("phone");
        },
      ),
      { numRuns: 200 },
    );
  });
});
