import { describe, it, expect } from "vitest";
import { checkPublicText } from "../../../lib/privacy/pii-guard";
import { CASE_FILE, blockedKinds, spans } from "./fixtures";

describe("checkPublicText blocks the legal name", () => {
  it.each([
    "Juan Carlos Pérez García was detained.",
    "JUAN CARLOS PEREZ GARCIA",
    "juan carlos perez garcia",
    "Juan   Carlos    Pérez  García",
    "Pe\u0301rez (decomposed accent)",
    "J. Pérez has three kids.",
    "J Perez has three kids.",
    "Pérez-García family",
    "Perez Garcia, Juan Carlos",
    "García Pérez",
    "Write to juanperez on WhatsApp",
    "handle @perezjuan",
    "JuanCarlos",
    "juancarlosperezgarcia",
    "Juan is a father of three.",
    "Carlos loves football.",
    "García's children",
  ])("%s", (text) => {
    expect(blockedKinds(text)).toContain("name");
  });

  it("merges initials and adjacent parts into one highlight", () => {
    const text = "We met J. Pérez García last year.";
    const r = checkPublicText({ story: text }, CASE_FILE);
    expect(spans(text, r.blocked)).toEqual(["J. Pérez García"]);
  });

  it("handles hyphenated and two-surname Spanish names", () => {
    const cf = { legalName: "María José Rodríguez-Ñúñez de la Cruz" };
    for (const t of [
      "Maria Jose",
      "RODRIGUEZ",
      "nunez",
      "Rodríguez Ñúñez",
      "rodrigueznunez",
      "Cruz",
      "M.J. de la Cruz",
    ]) {
      expect(blockedKinds(t, cf), t).toContain("name");
    }
    // Particles alone are ordinary words, not the name.
    expect(blockedKinds("La casa de la familia", cf)).toEqual([]);
  });

  it("handles apostrophes as in O'Brien", () => {
    const cf = { legalName: "Siobhan O'Brien" };
    expect(blockedKinds("Ms. OBrien", cf)).toContain("name");
    expect(blockedKinds("Ms. O’Brien", cf)).toContain("name");
  });

  it("reports the field the name was found in", () => {
    const r = checkPublicText({ title: "Free Juan", story: "A father of three." }, CASE_FILE);
    expect(r.blocked.map((f) => [f.field, f.kind])).toEqual([["title", "name"]]);
    expect(r.ok).toBe(false);
  });
});

describe("checkPublicText blocks the A-number", () => {
  it.each([
    "A012345678",
    "A012-345-678",
    "A# 012 345 678",
    "A-012.345.678",
    "a 012345678",
    "012345678",
    "12345678",
    "12-345-678",
    "A12345678",
    "His number is 012 345 678.",
  ])("%s", (text) => {
    expect(blockedKinds(text)).toContain("a_number");
  });

  it("highlights the whole written number including the prefix", () => {
    const text = "Case A# 012-345-678 pending";
    expect(spans(text, checkPublicText({ story: text }, CASE_FILE).blocked)).toEqual(["A# 012-345-678"]);
  });

  it("protects a 9-digit A-number without leading zero", () => {
    const cf = { legalName: "X", aNumber: "201-555-123" };
    expect(blockedKinds("A201555123", cf)).toEqual(["a_number"]);
    expect(blockedKinds("01555123", cf)).toEqual([]);
  });
});

describe("checkPublicText blocks the date of birth", () => {
  it.each([
    "1990-03-07",
    "1990/3/7",
    "03/07/1990",
    "3/7/1990",
    "3/7/90",
    "7.3.1990",
    "07-03-1990",
    "March 7, 1990",
    "march 7 1990",
    "Mar 7 1990",
    "Mar. 7th, 1990",
    "7 March 1990",
    "7th of March, 1990",
    "7 de marzo de 1990",
    "7 DE MARZO DEL 1990",
    "marzo 7, 1990",
    "born on March 7",
  ])("%s", (text) => {
    expect(blockedKinds(`Born ${text}.`)).toContain("date_of_birth");
  });

  it("does not confuse another day or year with the birth date", () => {
    expect(blockedKinds("On March 8, 1990 and March 7, 1991")).toEqual([]);
  });
});

describe("checkPublicText blocks the phone number", () => {
  it.each([
    "(512) 555-0147",
    "512-555-0147",
    "512.555.0147",
    "5125550147",
    "+1 512 555 0147",
    "+15125550147",
    "1-512-555-0147",
    "+1 (512) 555-0147",
  ])("%s", (text) => {
    expect(blockedKinds(`Call ${text} today`)).toEqual(["phone"]);
  });

  it("compares the last 10 digits of an international number", () => {
    const cf = { legalName: "X", phone: "+52 55 1234 5678" };
    expect(blockedKinds("tel 55-1234-5678", cf)).toEqual(["phone"]);
    expect(blockedKinds("tel +52 (55) 1234 5678", cf)).toEqual(["phone"]);
  });
});

describe("checkPublicText blocks the street address", () => {
  it.each([
    "1234 North Lamar Boulevard",
    "1234 N Lamar Blvd",
    "1234 n. lamar blvd.",
    "1234 Lamar",
    "Lamar Blvd 1234",
    "1234 NORTH LAMAR",
  ])("%s", (text) => {
    expect(blockedKinds(`He will live at ${text} after release.`)).toContain("address");
  });

  it("needs the house number next to the street", () => {
    expect(blockedKinds("We walked down Lamar on 1234 small steps")).toEqual([]);
    expect(blockedKinds("1235 North Lamar Boulevard")).toEqual([]);
  });

  it("matches a Spanish-style address with the number after the street", () => {
    const cf = { legalName: "X", address: "Calle Juárez 45, Col. Centro" };
    expect(blockedKinds("vive en calle Juarez 45", cf)).toEqual(["address"]);
  });
});

describe("checkPublicText blocks the country and the facility", () => {
  it.each(["Venezuela", "venezuelan", "Venezuelans", "venezolano", "Venezolana", "VENEZOLANAS"])(
    "country %s",
    (text) => {
      expect(blockedKinds(`She is ${text}.`)).toEqual(["country"]);
    },
  );

  it("blocks an unlisted country by its literal wording", () => {
    const cf = { legalName: "X", countryOfBirth: "Atlantis" };
    expect(blockedKinds("born in Atlantis", cf)).toEqual(["country"]);
  });

  it.each(["South Texas ICE Processing Center", "south texas processing center", "Pearsall"])("facility %s", (text) => {
    expect(blockedKinds(`Held at ${text}.`)).toEqual(["facility"]);
  });

  it("blocks an unlisted facility by its exact name", () => {
    const cf = { legalName: "X", facility: "Smallville County Jail" };
    expect(blockedKinds("now in smallville county jail", cf)).toEqual(["facility"]);
  });
});

describe("offsets point into the original text", () => {
  it("survives accents, decomposed marks and astral characters before the match", () => {
    const text = "🙏🏽 Ñandú é\u0301 — Pérez";
    const [f] = checkPublicText({ story: text }, CASE_FILE).blocked;
    expect(f && text.slice(f.start, f.end)).toBe("Pérez");
  });
});
