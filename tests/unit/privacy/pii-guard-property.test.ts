import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { checkPublicText, type CaseFileIdentifiers } from "../../../lib/privacy/pii-guard";

const GIVEN = ["Juan", "María", "José", "Ana", "Yesenia", "Oluwaseun", "Dmitri", "Nguyễn", "Sofía", "Wilmer"];
const SURNAMES = ["Pérez", "García-López", "Hernández", "Okafor", "Ivanova", "Mejía", "Ramírez", "Castañeda"];
const FILLER = ["He", "loves", "his", "kids", "and", "the", "fund", "needs", "help", "in", "Texas", "today"];
const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const MESES = [
  "enero",
  "febrero",
  "marzo",
  "abril",
  "mayo",
  "junio",
  "julio",
  "agosto",
  "septiembre",
  "octubre",
  "noviembre",
  "diciembre",
];

const sentence = fc.array(fc.constantFrom(...FILLER), { minLength: 0, maxLength: 8 }).map((w) => w.join(" "));
const embed = (inner: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc.tuple(sentence, inner, sentence).map(([a, b, c]) => `${a} ${b} ${c}.`);

/** Splits digits into groups joined by random separators. */
const grouped = (digits: string): fc.Arbitrary<string> =>
  fc
    .array(fc.tuple(fc.boolean(), fc.constantFrom("", " ", "-", ".")), {
      minLength: digits.length,
      maxLength: digits.length,
    })
    .map((seps) => [...digits].map((d, i) => (i > 0 && seps[i]![0] ? seps[i]![1] : "") + d).join(""));

const aNumber9 = fc.stringMatching(/^[0-9]{9}$/);

describe("property: any formatting of the client’s identifiers is blocked", () => {
  it("A-number with any prefix and separators", () => {
    const written = fc
      .tuple(aNumber9, fc.boolean(), fc.constantFrom("", "A", "a", "A#", "A# ", "A-", "A "))
      .chain(([a, dropZero, prefix]) => {
        const digits = a.startsWith("0") && dropZero ? a.slice(1) : a;
        return embed(grouped(digits).map((g) => prefix + g)).map((text) => ({ a, text }));
      });
    fc.assert(
      fc.property(written, ({ a, text }) => {
        const r = checkPublicText({ story: text }, { legalName: "Zz", aNumber: `A${a}` });
        expect(r.blocked.map((f) => f.kind)).toEqual(["a_number"]);
      }),
      { numRuns: 300 },
    );
  });

  it("phone with or without country code, parentheses and separators", () => {
    const phone = fc.stringMatching(/^[2-9][0-9]{2}[2-9][0-9]{6}$/);
    fc.assert(
      fc.property(
        phone,
        fc.constantFrom("", "+1 ", "+1", "1-", "1 "),
        fc.boolean(),
        fc.constantFrom(" ", "-", ".", ""),
        (p, cc, parens, sep) => {
          const area = parens ? `(${p.slice(0, 3)}) ` : p.slice(0, 3) + sep;
          const text = `Call ${cc}${area}${p.slice(3, 6)}${sep}${p.slice(6)} now.`;
          const r = checkPublicText({ story: text }, { legalName: "Zz", phone: `+1 ${p}` });
          expect(r.blocked.map((f) => f.kind)).toEqual(["phone"]);
        },
      ),
    );
  });

  it("date of birth in any supported format", () => {
    const pad = (n: number): string => String(n).padStart(2, "0");
    const formats: Array<(y: number, m: number, d: number) => string> = [
      (y, m, d) => `${y}-${pad(m)}-${pad(d)}`,
      (y, m, d) => `${pad(m)}/${pad(d)}/${y}`,
      (y, m, d) => `${m}/${d}/${String(y).slice(2)}`,
      (y, m, d) => `${d}.${m}.${y}`,
      (y, m, d) => `${MONTHS[m - 1]} ${d}, ${y}`,
      (y, m, d) => `${d} ${MONTHS[m - 1]} ${y}`,
      (y, m, d) => `${MONTHS[m - 1]!.slice(0, 3)} ${d} ${y}`,
      (y, m, d) => `${d} de ${MESES[m - 1]} de ${y}`,
      (y, m, d) => `${MONTHS[m - 1]!.toUpperCase()} ${d}TH, ${y}`,
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: 1940, max: 2015 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        fc.constantFrom(...formats),
        (y, m, d, format) => {
          const text = `She was born ${format(y, m, d)} in a small town.`;
          const r = checkPublicText({ story: text }, { legalName: "Zz", dateOfBirth: `${y}-${pad(m)}-${pad(d)}` });
          expect(r.blocked.map((f) => f.kind)).toEqual(["date_of_birth"]);
        },
      ),
    );
  });

  it("name written in any case, order, spacing or as initial + surname", () => {
    const style = fc.constantFrom<(g: string, s: string) => string>(
      (g, s) => `${g} ${s}`,
      (g, s) => `${s}, ${g}`,
      (g, s) => `${g[0]}. ${s}`,
      (g, s) => `${g}${s.replace(/-/g, "")}`,
      (g, s) => `${g}   ${s}`,
      (g) => g,
      (_g, s) => s,
    );
    const casing = fc.constantFrom<(t: string) => string>(
      (t) => t,
      (t) => t.toUpperCase(),
      (t) => t.toLowerCase(),
      (t) => t.normalize("NFD").replace(/\p{M}/gu, ""),
      (t) => t.normalize("NFD"),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...GIVEN),
        fc.constantFrom(...SURNAMES),
        style,
        casing,
        sentence,
        (g, s, st, cs, tail) => {
          const r = checkPublicText({ story: `${tail} ${cs(st(g, s))} ${tail}` }, { legalName: `${g} ${s}` });
          expect(r.blocked.map((f) => f.kind)).toContain("name");
        },
      ),
    );
  });
});

describe("property: messages never contain private values or matched text", () => {
  const caseFile = fc.record({
    legalName: fc
      .tuple(fc.constantFrom(...GIVEN), fc.constantFrom(...SURNAMES), fc.stringMatching(/^[a-z]{6,10}$/))
      .map((p) => p.join(" ")),
    aNumber: aNumber9.map((a) => `A${a}`),
    dateOfBirth: fc
      .date({ min: new Date("1950-01-01"), max: new Date("2010-12-31"), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10)),
    phone: fc.stringMatching(/^[2-9][0-9]{9}$/),
    address: fc
      .tuple(fc.integer({ min: 10, max: 99999 }), fc.stringMatching(/^[a-z]{6,10}$/))
      .map(([n, s]) => `${n} ${s} Street`),
    countryOfBirth: fc.constantFrom("Honduras", "Venezuela", "Russia", "Haití", "Ghana"),
    facility: fc.constantFrom("Krome North Service Processing Center", "Otay Mesa Detention Center"),
  });

  it("holds for a story that contains every value", () => {
    fc.assert(
      fc.property(caseFile, (cf: Required<CaseFileIdentifiers>) => {
        const values = Object.values(cf);
        const story = values.join(" and ") + `. Also ${cf.legalName.split(" ").reverse().join(" ")}.`;
        const r = checkPublicText({ story, title: cf.legalName }, cf);
        expect(r.blocked.length).toBeGreaterThanOrEqual(values.length);
        const secrets = [...values, ...cf.legalName.split(" "), cf.aNumber.slice(1), cf.phone.slice(3)].map((v) =>
          v.toLowerCase(),
        );
        for (const f of [...r.blocked, ...r.flagged]) {
          const msg = f.message.toLowerCase();
          for (const secret of secrets) expect(msg).not.toContain(secret);
          for (const secret of secrets) expect(msg).not.toContain(secret.normalize("NFD").replace(/\p{M}/gu, ""));
          expect(msg).not.toMatch(/\d{4,}/);
        }
      }),
    );
  });
});

describe("property: text without identifiers stays clean", () => {
  it("random filler words never trigger", () => {
    fc.assert(
      fc.property(sentence, (text) => {
        expect(checkPublicText({ story: text }, { legalName: "Ana María Pérez", aNumber: "012345678" }).ok).toBe(true);
      }),
    );
  });
});
