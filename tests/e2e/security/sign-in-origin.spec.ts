/**
 * Finding 1 (issue 11): a sign-in form posted with a forged X-Forwarded-Host (and a
 * matching Origin, so Next's server-action check passes) must still mail a link to
 * the app's own origin. Posted as an attacker would with curl: no browser.
 */
import { expect, test } from "@playwright/test";

const ADMIN = "admin@openbond.example";

async function signInActionField(request: import("@playwright/test").APIRequestContext): Promise<string> {
  const html = await (await request.get("/sign-in")).text();
  const field = /name="(\$ACTION_ID_[0-9a-f]+)"/.exec(html)?.[1];
  expect(field, "the sign-in form posts a server action").toBeTruthy();
  return field!;
}

async function lastLink(request: import("@playwright/test").APIRequestContext, to: string): Promise<string> {
  const res = await request.get(`/api/test/last-mail?to=${encodeURIComponent(to)}`);
  if (!res.ok()) return "";
  const { text } = (await res.json()) as { text: string };
  return /https?:\/\/\S+\/api\/auth\/callback\/email\S*/.exec(text)?.[0] ?? "";
}

const FORGED: Record<string, string>[] = [
  { "x-forwarded-host": "evil.example", "x-forwarded-proto": "https", origin: "https://evil.example" },
  { host: "evil.example", origin: "http://evil.example" },
];
for (const forged of FORGED) {
  test(`the mailed sign-in link ignores a forged ${Object.keys(forged)[0]}`, async ({ request, baseURL }) => {
    const field = await signInActionField(request);
    const before = await lastLink(request, ADMIN);
    const res = await request.post("/sign-in", {
      multipart: { [field]: "", email: ADMIN },
      headers: forged,
      maxRedirects: 0,
    });
    expect(res.status(), await res.text()).toBeLessThan(500);
    let link = "";
    await expect
      .poll(async () => {
        link = await lastLink(request, ADMIN);
        return link && link !== before ? "new" : "";
      })
      .toBe("new");
    expect(new URL(link).origin).toBe(new URL(baseURL!).origin);
    expect(link).not.toContain("evil.example");
  });
}

test("the browser tests run the server as the README does: not on port 3000", ({ baseURL }) => {
  expect(new URL(baseURL!).port).not.toBe("3000");
});
