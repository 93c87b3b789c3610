/** The language switch's address: same page, same query, the other language's prefix. */
import { describe, expect, it } from "vitest";
import { localizedPath, otherLocalePath } from "@/lib/i18n/locale-path";

describe("otherLocalePath", () => {
  it("adds the Spanish prefix to an English page, home included", () => {
    expect(otherLocalePath("/", "es")).toBe("/es");
    expect(otherLocalePath("/campaigns/dmitri-louisiana", "es")).toBe("/es/campaigns/dmitri-louisiana");
  });

  it("swaps the prefix of a Spanish page (or of the rewritten English address) for the other one", () => {
    expect(otherLocalePath("/es", "en")).toBe("/en");
    expect(otherLocalePath("/es/transparency", "en")).toBe("/en/transparency");
    expect(otherLocalePath("/en/transparency", "es")).toBe("/es/transparency");
  });

  it("keeps the query and leaves look-alike first segments alone", () => {
    expect(otherLocalePath("/es/my-gifts", "en", new URLSearchParams({ sent: "1", q: "a b" }))).toBe(
      "/en/my-gifts?sent=1&q=a+b",
    );
    expect(otherLocalePath("/estonia", "en")).toBe("/en/estonia");
    expect(otherLocalePath("/", "es", new URLSearchParams())).toBe("/es");
  });
});

describe("localizedPath", () => {
  it("leaves the default language unprefixed and prefixes the others", () => {
    expect(localizedPath("en", "/")).toBe("/");
    expect(localizedPath("en", "/my-gifts")).toBe("/my-gifts");
    expect(localizedPath("es", "/")).toBe("/es");
    expect(localizedPath("es", "/campaigns/x")).toBe("/es/campaigns/x");
  });
});

describe("localizedPath with a query", () => {
  it("appends the query only when it has something", () => {
    expect(localizedPath("es", "/my-gifts", new URLSearchParams({ sent: "1" }))).toBe("/es/my-gifts?sent=1");
    expect(localizedPath("en", "/my-gifts", new URLSearchParams())).toBe("/my-gifts");
  });
});
