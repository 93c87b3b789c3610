/**
 * Passkeys in the browser tests: Chromium's virtual authenticator (CDP WebAuthn domain), one
 * per page, user verification always granted. An admin's or treasurer's first sign-in on a
 * server enrols a passkey; later sign-ins (in another page, so another authenticator) load
 * the same credential back from .data/e2e-passkeys.json, keyed by the server's origin and the
 * email, with its signature counter kept up to date.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, type CDPSession, type Page } from "@playwright/test";

interface Authenticator {
  cdp: CDPSession;
  authenticatorId: string;
}
interface Credential {
  credentialId: string;
  isResidentCredential: boolean;
  rpId?: string;
  privateKey: string;
  userHandle?: string;
  signCount: number;
}

const STORE = path.resolve(".data/e2e-passkeys.json");
const authenticators = new WeakMap<Page, Authenticator>();

function load(): Record<string, Credential> {
  return existsSync(STORE) ? (JSON.parse(readFileSync(STORE, "utf8")) as Record<string, Credential>) : {};
}
function save(key: string, c: Credential): void {
  mkdirSync(path.dirname(STORE), { recursive: true });
  writeFileSync(STORE, JSON.stringify({ ...load(), [key]: c }, null, 1));
}
const keyOf = (page: Page, email: string) => `${new URL(page.url()).origin}|${email}`;

/** This page's virtual authenticator (added on first use). */
export async function virtualAuthenticator(page: Page): Promise<Authenticator> {
  let a = authenticators.get(page);
  if (!a) {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("WebAuthn.enable");
    const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
      options: {
        protocol: "ctap2",
        transport: "internal",
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        automaticPresenceSimulation: true,
      },
    });
    a = { cdp, authenticatorId };
    authenticators.set(page, a);
  }
  return a;
}

async function held(a: Authenticator): Promise<Credential[]> {
  return (await a.cdp.send("WebAuthn.getCredentials", { authenticatorId: a.authenticatorId }))
    .credentials as Credential[];
}

/** On the passkey page: create this person's first passkey, returning the recovery codes shown. */
export async function enrolPasskey(page: Page, email: string, label = "Test browser"): Promise<string[]> {
  const a = await virtualAuthenticator(page);
  const before = new Set((await held(a)).map((c) => c.credentialId));
  await page.getByLabel("Name this passkey").fill(label);
  await page.getByRole("button", { name: "Create a passkey" }).click();
  const list = page.getByRole("list", { name: "Recovery codes" });
  await expect(list.getByRole("listitem")).toHaveCount(10);
  const codes = (await list.getByRole("listitem").allTextContents()).map((c) => c.trim());
  const made = (await held(a)).find((c) => !before.has(c.credentialId));
  if (!made) throw new Error(`no new passkey in the virtual authenticator for ${email}`);
  save(keyOf(page, email), made);
  return codes;
}

/** On the passkey page: confirm the sign-in with this person's saved passkey. */
export async function verifyPasskey(page: Page, email: string): Promise<void> {
  const a = await virtualAuthenticator(page);
  const key = keyOf(page, email);
  const saved = load()[key];
  if (!saved) throw new Error(`no saved passkey for ${key}: sign this person in on a fresh server first`);
  if (!(await held(a)).some((c) => c.credentialId === saved.credentialId))
    await a.cdp.send("WebAuthn.addCredential", { authenticatorId: a.authenticatorId, credential: saved });
  await page.getByRole("button", { name: "Use my passkey" }).click();
  await page.waitForURL(/\/account/);
  const now = (await held(a)).find((c) => c.credentialId === saved.credentialId);
  if (now) save(key, now);
}

/** After the magic link: enrol (first sign-in) or verify, whichever the passkey page asks; nothing if it is not shown. */
export async function passkeyStep(page: Page, email: string): Promise<void> {
  await page.waitForURL((u) => u.pathname.startsWith("/account") || u.pathname.startsWith("/sign-in/passkey"));
  await page.waitForLoadState("load");
  if (!new URL(page.url()).pathname.startsWith("/sign-in/passkey")) return;
  const heading = page.getByRole("heading", { level: 1 });
  await expect(heading).toHaveText(/Set up a passkey|Confirm it is you/);
  if (/Set up a passkey/.test((await heading.textContent()) ?? "")) {
    await enrolPasskey(page, email);
    await page.getByLabel("I have saved these codes somewhere safe").check();
    await page.getByRole("button", { name: "Continue" }).click();
  } else {
    await verifyPasskey(page, email);
  }
  await page.waitForURL(/\/account/);
}
