import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DoneBanner } from "@/app/components/staff/done-banner";

const MESSAGES = { saved: "Saved." };
const html = (code: string | undefined) =>
  renderToStaticMarkup(createElement(DoneBanner, { messages: MESSAGES, code }));

describe("the ?done= banner on staff pages", () => {
  it("shows the page's own message for its code", () => {
    expect(html("saved")).toContain("Saved.");
  });

  it("shows nothing for an unknown code, text from the address, or an Object.prototype key (no 500)", () => {
    for (const code of [undefined, "", "nope", "<b>Your bond was refunded</b>", "__proto__", "constructor", "toString"])
      expect(html(code)).toBe("");
  });
});
