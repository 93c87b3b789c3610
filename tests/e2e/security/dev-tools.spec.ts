/**
 * Issue 11 finding 11: the development tools (/dev/outbox, the Stripe console, /api/test/last-mail)
 * answer only a request from this machine by its socket address (or a signed-in admin), never a
 * remote one, whatever headers it sends.
 */
import { networkInterfaces } from "node:os";
import { expect, test } from "@playwright/test";

const TOOLS = ["/dev/outbox", "/dev/stripe", "/api/test/last-mail?to=admin%40openbond.example"];

function outsideAddress(): string | null {
  for (const list of Object.values(networkInterfaces()))
    for (const a of list ?? []) if (a.family === "IPv4" && !a.internal) return a.address;
  return null;
}

test("open to a loopback request, and the public footer links to them", async ({ request }) => {
  for (const path of TOOLS.slice(0, 2)) expect((await request.get(path)).status(), path).toBe(200);
  expect(await (await request.get("/")).text()).toContain('href="/dev/stripe"');
});

test("closed to a request from another machine, even with forged loopback headers", async ({ request, baseURL }) => {
  // CI machines have one (the server listens on all addresses); without it this check could not be made.
  const ip = outsideAddress();
  expect(ip, "a non-loopback IPv4 address of this machine, to call the server from").toBeTruthy();
  const port = new URL(baseURL!).port;
  for (const path of TOOLS) {
    const variants: Record<string, string>[] = [
      {},
      { "x-forwarded-for": "127.0.0.1", "x-real-ip": "127.0.0.1", "x-openbond-peer": "127.0.0.1", host: "localhost" },
    ];
    for (const headers of variants) {
      const res = await request.get(`http://${ip}:${port}${path}`, { headers, maxRedirects: 0 });
      expect(res.status(), `${path} ${JSON.stringify(headers)}`).toBe(404);
    }
  }
  // Nor does the public footer point a remote visitor at them.
  const home = await (await request.get(`http://${ip}:${port}/`)).text();
  expect(home).toContain("Staff sign-in");
  expect(home).not.toContain('href="/dev/');

  // The console's server action is refused the same way (it would refund and dispute real-looking gifts).
  const html = await (await request.get("/dev/stripe")).text();
  const field = /name="(\$ACTION_ID_[0-9a-f]+)"/.exec(html)?.[1];
  if (field) {
    const res = await request.post(`http://${ip}:${port}/dev/stripe`, {
      multipart: { [field]: "", action: "payout", target: "", amount: "" },
      headers: { origin: `http://${ip}:${port}` },
      maxRedirects: 0,
    });
    expect(res.status()).toBe(404);
  }
});
