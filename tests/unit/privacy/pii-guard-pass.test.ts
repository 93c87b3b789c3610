import { describe, it, expect } from "vitest";
import { checkPublicText } from "../../../lib/privacy/pii-guard";
import { CASE_FILE, blockedKinds, flaggedKinds, spans } from "./fixtures";

const STORY = `In March 2025, M. was detained while driving his kids to school in
Louisiana. He has lived in Texas for eleven years, coaches a youth soccer team
and works as a carpenter. His bond was set at $20,000; we have raised
$12,450 from 312 neighbours. His lawyer at the Southern Poverty Law Center
says he has a strong case. He speaks English and Spanish. Every dollar
returns to the fund when the case ends, so your gift frees the next person
too. Please share this page with 2 or 3 friends.`;

describe("ordinary campaign text passes untouched", () => {
  it("an alias story with month + year, amounts and regions", () => {
    expect(checkPublicText({ story: STORY, title: "Bring M. home" }, CASE_FILE)).toEqual({
      blocked: [],
      flagged: [],
      ok: true,
    });
  });

  it.each([
    "Detained since March 2025.",
    "Detenido desde marzo de 2025.",
    "From May 2024 to June 2025",
    "Goal: $20,000 (20 000 USD).",
    "We raised $1,500,000 in 2024.",
    "Held in Georgia since 2023.",
    "He moved to New Mexico.",
    "She speaks English and Spanish.",
    "Call our hotline any time.",
    "banana bread",
    "Anaheim, California",
    "Santana concert",
    "The fund paid 3 bonds in 24/7 shifts.",
    "She may 3 times a week volunteer.",
    "She studied in 2019 2020 2021.",
    "Version 1.2.3; call 911; zip 78756.",
    "Mi mamá fue detenida en marzo de 2025. La fianza es de $15,000.",
  ])("%s", (text) => {
    expect(checkPublicText({ story: text }, { ...CASE_FILE, legalName: "Ana Torres" })).toEqual({
      blocked: [],
      flagged: [],
      ok: true,
    });
  });

  it("does not treat a name part inside another word as the name", () => {
    const cf = { legalName: "Ana Li" };
    expect(blockedKinds("banana Canada lining Liam Anabel", cf)).toEqual([]);
    expect(blockedKinds("Ana", cf)).toEqual(["name"]);
    expect(blockedKinds("li", cf)).toEqual(["name"]);
  });

  it("ignores name parts shorter than two letters", () => {
    expect(blockedKinds("J went home", { legalName: "J Smith" })).toEqual([]);
  });

  it("handles an empty case file and empty fields", () => {
    expect(checkPublicText({ story: "" }, { legalName: "" }).ok).toBe(true);
    expect(checkPublicText({}, CASE_FILE)).toEqual({ blocked: [], flagged: [], ok: true });
  });
});

describe("possible identifiers are flagged for review, not blocked", () => {
  it.each([
    ["A-number 987654321", "a_number_like"],
    ["A#98-765-432", "a_number_like"],
    ["write to help@example.org", "email"],
    ["call 713-555-0199", "phone_like"],
    ["call +52 55 8765 4321", "phone_like"],
    ["or 555-0199", "phone_like"],
    ["hearing on April 2, 2025", "exact_date"],
    ["hearing on May 3", "exact_date"],
    ["hearing on 2 de abril", "exact_date"],
    ["released 04/02/2025", "exact_date"],
    ["released 2025-04-02", "exact_date"],
    ["held at Stewart Detention Center", "facility"],
    ["moved to Krome", "facility"],
    ["from Otay Mesa", "facility"],
    ["at the LaSalle ICE Processing Center", "facility"],
    ["then Port Isabel", "facility"],
    ["in the Tacoma Northwest ICE Processing Center", "facility"],
    ["a Russian man", "nationality"],
    ["es ruso", "nationality"],
    ["una mujer hondureña", "nationality"],
    ["fled Guatemala", "nationality"],
    ["from the Dominican Republic", "nationality"],
  ])("%s → %s", (text, kind) => {
    expect(blockedKinds(text)).toEqual([]);
    expect(flaggedKinds(text)).toEqual([kind]);
  });

  it("does not also flag an ISO date as an A-number-like run", () => {
    expect(flaggedKinds("on 2025-04-02")).toEqual(["exact_date"]);
  });

  it("prefers the longest country phrase", () => {
    const text = "born in South Sudan";
    const r = checkPublicText({ story: text }, CASE_FILE);
    expect(spans(text, r.flagged)).toEqual(["South Sudan"]);
  });

  it("blocks, not flags, a shared demonym when it can mean the client’s country", () => {
    const cf = { legalName: "X", countryOfBirth: "República Dominicana" };
    expect(blockedKinds("a Dominican mother", cf)).toEqual(["country"]);
    expect(flaggedKinds("a Haitian mother", cf)).toEqual(["nationality"]);
  });

  it("blocks an ambiguous word when it is the client’s own country", () => {
    expect(blockedKinds("from Georgia", { legalName: "X", countryOfBirth: "Georgia" })).toEqual(["country"]);
  });

  it("blocks every alias of the client’s facility, flags other facilities", () => {
    const cf = { legalName: "X", facility: "Central Louisiana ICE Processing Center" };
    expect(blockedKinds("held in Jena, then LaSalle", cf)).toEqual(["facility", "facility"]);
    expect(flaggedKinds("later Adelanto", cf)).toEqual(["facility"]);
  });

  it("a result with only flags is not ok but has nothing blocked", () => {
    const r = checkPublicText({ story: "moved to Krome" }, CASE_FILE);
    expect(r.ok).toBe(false);
    expect(r.blocked).toEqual([]);
  });
});

describe("shipped vocabularies", () => {
  const NOBODY = { legalName: "Zz" };

  it("flags every country in English and Spanish", async () => {
    const { COUNTRIES_A_L } = await import("../../../lib/privacy/country-data-a-l");
    const { COUNTRIES_M_Z } = await import("../../../lib/privacy/country-data-m-z");
    const lines = [...COUNTRIES_A_L, ...COUNTRIES_M_Z];
    expect(lines.length).toBeGreaterThanOrEqual(193);
    for (const line of lines) {
      const [en, es] = line.split("|").map((f) => f.split(";")[0]!);
      for (const name of [en!, es!]) {
        if (name.startsWith("~")) continue;
        expect(flaggedKinds(`from ${name} originally`, NOBODY), name).toEqual(["nationality"]);
      }
    }
  });

  it("ships at least 40 facilities, each flagged by its full name", async () => {
    const { FACILITIES } = await import("../../../lib/privacy/facilities");
    expect(FACILITIES.length).toBeGreaterThanOrEqual(40);
    for (const f of FACILITIES) expect(flaggedKinds(`held at ${f.name} now`, NOBODY), f.name).toEqual(["facility"]);
  });
});
