import { afterEach, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
vi.mock("next/navigation", () => ({
  redirect: () => {
    throw new Error("redirected");
  },
}));

const { dbHealthState } = await import("@/db/health");
const { isUnavailableError, RECENT_FAULT_MS } = await import("@/lib/outage/render-guard");

describe("isUnavailableError", () => {
  afterEach(() => {
    dbHealthState().lastFaultAt = 0;
  });
  it("is false for an ordinary error while the database is healthy", () => {
    expect(isUnavailableError(new TypeError("Cannot read properties of null (reading 'write')"))).toBe(false);
  });
  it("is true for a driver fault at any time", () => {
    expect(isUnavailableError(Object.assign(new Error("gone"), { code: "CONNECTION_CLOSED" }))).toBe(true);
  });
  it("counts an unclassified error as part of an outage only while a fault is fresh", () => {
    const now = Date.now();
    dbHealthState().lastFaultAt = now - 1_000;
    expect(isUnavailableError(new TypeError("Cannot read properties of null (reading 'write')"), now)).toBe(true);
    expect(isUnavailableError(new TypeError("x"), now + RECENT_FAULT_MS)).toBe(false);
  });
});
