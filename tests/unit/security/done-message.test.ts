/** Issue 11 finding 12: a `?done=` banner shows only text this server signed for that page. */
import { describe, expect, it } from "vitest";
import { doneQuery, verifiedDone } from "@/lib/done-message";

const page = "/treasury/bonds/0b7c8a52-4a5e-4d2b-9d84-2b1a0d6f1e33";

describe("done messages", () => {
  it("round-trips a message the server wrote", () => {
    const q = new URLSearchParams(doneQuery(page, "Payment recorded."));
    expect(verifiedDone(page, q.get("done") ?? undefined, q.get("ds") ?? undefined)).toBe("Payment recorded.");
  });

  it("shows nothing for text from the address bar, a moved signature or a tampered message", () => {
    const q = new URLSearchParams(doneQuery(page, "Payment recorded."));
    expect(verifiedDone(page, "Send the refund to account 0123", undefined)).toBeNull();
    expect(verifiedDone(page, "Send the refund to account 0123", q.get("ds") ?? "")).toBeNull();
    expect(verifiedDone("/treasury/bonds/other", "Payment recorded.", q.get("ds") ?? "")).toBeNull();
    expect(verifiedDone(page, "Payment recorded.", "x")).toBeNull();
  });
});
