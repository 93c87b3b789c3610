/** Finding 9 (issue 11): malformed ids in staff URLs are a 404 and control characters a 400, before any query. */
import { describe, expect, it } from "vitest";
import { checkStaffUrl } from "@/lib/staff-url";

const ID = "0b7c8a52-4a5e-4d2b-9d84-2b1a0d6f1e33";

describe("staff URL checks", () => {
  it("malformed ids are not found", () => {
    for (const p of [
      "/lawyer/campaigns/zzz",
      "/lawyer/campaigns/zzz/request-bond",
      "/admin/reviews/zzz",
      "/treasury/bonds/1",
      "/treasury/gifts/%00",
      "/treasury/gifts/%E0%A4%A",
      `/treasury/bonds/${ID}x`,
    ])
      expect(checkStaffUrl(p, ""), p).toBe("not_found");
  });

  it("well-formed ids and fixed pages pass", () => {
    for (const p of [
      `/lawyer/campaigns/${ID}`,
      `/lawyer/campaigns/${ID}/request-bond`,
      "/lawyer/campaigns/new",
      `/admin/reviews/${ID}`,
      "/treasury/bonds",
      "/admin/audit",
      "/campaigns/zzz",
    ])
      expect(checkStaffUrl(p, ""), p).toBe("ok");
  });

  it("control characters in a staff query string are a bad request", () => {
    expect(checkStaffUrl("/admin/audit", "?action=%00")).toBe("bad_request");
    expect(checkStaffUrl("/admin/audit", "?action=%0A")).toBe("bad_request");
    expect(checkStaffUrl("/admin/audit", "?action=campaign.approved")).toBe("ok");
    // Donor pages are not staff pages: their own handling applies.
    expect(checkStaffUrl("/campaigns/x", "?a=%00")).toBe("ok");
  });
});
