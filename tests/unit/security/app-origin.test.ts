/** Finding 1 (issue 11) and issue 10 item 1: the app's origin comes from configuration or its own port, never from a forwarded host. */
import { afterEach, describe, expect, it } from "vitest";
import { appOrigin, appUrl, requestOrigin, selfOrigin } from "@/lib/app-origin";
import { parseEnv } from "@/lib/env";
import { prodEnvWithout } from "../../helpers/prod-env";

const dev = (extra: Record<string, string> = {}) => parseEnv({ NODE_ENV: "development", ...extra });
const headers = (h: Record<string, string>) => new Headers(h);
const savedPort = process.env.PORT;
const savedOrigin = process.env.__NEXT_PRIVATE_ORIGIN;

afterEach(() => {
  if (savedPort === undefined) delete process.env.PORT;
  else process.env.PORT = savedPort;
  if (savedOrigin === undefined) delete process.env.__NEXT_PRIVATE_ORIGIN;
  else process.env.__NEXT_PRIVATE_ORIGIN = savedOrigin;
});

describe("app origin", () => {
  it("follows the port the server listens on in development when APP_URL is unset", () => {
    process.env.PORT = "3101";
    expect(appOrigin(dev())).toBe("http://localhost:3101");
    expect(appUrl("/give/thanks", dev())).toBe("http://localhost:3101/give/thanks");
  });

  it("uses APP_URL when it is set, in any mode", () => {
    process.env.PORT = "3101";
    expect(appOrigin(dev({ APP_URL: "https://demo.example/" }))).toBe("https://demo.example");
  });

  it("refuses to start in production without APP_URL", () => {
    const prod = prodEnvWithout("APP_URL");
    expect(() => parseEnv(prod)).toThrow(/APP_URL is required in production/);
    expect(appOrigin(parseEnv({ ...prod, APP_URL: "https://fund.example" }))).toBe("https://fund.example");
  });

  it("never takes a forwarded or foreign host from the request", () => {
    process.env.PORT = "3101";
    const evil: Record<string, string>[] = [
      { host: "evil.example", "x-forwarded-host": "evil.example" },
      { host: "localhost:3101", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" },
      { host: "evil.example:3101" },
      { host: "localhost:6666" },
      { host: "127.0.0.1.evil.example:3101" },
    ];
    for (const h of evil) expect(requestOrigin(headers(h), dev())).toBe("http://localhost:3101");
    expect(requestOrigin(headers({ host: "127.0.0.1:3101" }), dev())).toBe("http://127.0.0.1:3101");
    expect(requestOrigin(headers({ host: "127.0.0.1:3101" }), dev({ APP_URL: "https://demo.example" }))).toBe(
      "https://demo.example",
    );
  });

  it("reaches itself on loopback for the offline double's webhooks", () => {
    process.env.PORT = "3101";
    delete process.env.__NEXT_PRIVATE_ORIGIN;
    expect(selfOrigin()).toBe("http://localhost:3101");
    process.env.__NEXT_PRIVATE_ORIGIN = "http://127.0.0.1:3101";
    expect(selfOrigin()).toBe("http://127.0.0.1:3101");
    process.env.__NEXT_PRIVATE_ORIGIN = "http://evil.example:3101";
    expect(selfOrigin()).toBe("http://localhost:3101");
  });
});
