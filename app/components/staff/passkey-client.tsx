"use client";
/**
 * The browser side of passkeys: create one (enrol), confirm a sign-in with one (verify), and
 * show a fresh set of recovery codes once. Talks JSON to app/api/passkey/[step] and to the
 * platform authenticator through @simplewebauthn/browser.
 */
import { startAuthentication, startRegistration } from "@simplewebauthn/browser";
import { useState } from "react";

const BUTTON = "rounded-md px-4 py-2 text-sm font-semibold disabled:opacity-60";
const PRIMARY = `${BUTTON} bg-brand text-white hover:opacity-90`;
const SECONDARY = `${BUTTON} border border-line bg-white text-ink hover:bg-brand-soft`;

async function post<T>(step: string, body: unknown = {}): Promise<T> {
  const res = await fetch(`/api/passkey/${step}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const data = (await res.json().catch(() => ({}))) as T & { error?: string };
  if (!res.ok) throw new Error(data.error ?? "That did not work. Please try again.");
  return data;
}

function explain(e: unknown): string {
  const name = e instanceof Error ? e.name : "";
  if (name === "NotAllowedError" || name === "AbortError")
    return "The passkey prompt was closed or timed out. Nothing was changed; try again.";
  if (name === "InvalidStateError") return "This device already holds a passkey for your account.";
  return e instanceof Error && e.message ? e.message : "That did not work. Please try again.";
}

function Problem({ text }: { text: string | null }) {
  return text ? (
    <p role="alert" className="rounded-md border border-accent bg-accent/5 p-3 text-sm" data-testid="passkey-error">
      {text}
    </p>
  ) : null;
}

/** Name a passkey and create it; the first one of an account comes back with its recovery codes. */
export function EnrolPasskey({ next, cta = "Create a passkey" }: { next: string; cta?: string }) {
  const [label, setLabel] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  if (codes) return <RecoveryCodes codes={codes} next={next} made={label.trim()} />;
  async function enrol() {
    setBusy(true);
    setError(null);
    try {
      const optionsJSON = await post<Parameters<typeof startRegistration>[0]["optionsJSON"]>("enrol-options");
      const response = await startRegistration({ optionsJSON });
      const { recoveryCodes } = await post<{ recoveryCodes: string[] | null }>("enrol", { label, response });
      if (recoveryCodes) setCodes(recoveryCodes);
      else window.location.assign(next);
    } catch (e) {
      setError(explain(e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="space-y-3">
      <Problem text={error} />
      <label htmlFor="passkey-label" className="block text-sm font-medium">
        Name this passkey
      </label>
      <input
        id="passkey-label"
        value={label}
        onChange={(e) => setLabel(e.target.value)}
        maxLength={60}
        placeholder="e.g. Work laptop, Phone"
        aria-describedby="passkey-label-hint"
        className="w-full rounded-md border border-line px-3 py-2"
      />
      <p id="passkey-label-hint" className="text-xs text-muted">
        Only you and the fund&apos;s admins see this name, in your list of passkeys.
      </p>
      <button type="button" className={PRIMARY} disabled={busy || !label.trim()} onClick={enrol}>
        {busy ? "Waiting for your device…" : cta}
      </button>
    </div>
  );
}

/** Confirm this sign-in with one of the account's passkeys. */
export function VerifyPasskey({ next }: { next: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function verify() {
    setBusy(true);
    setError(null);
    try {
      const optionsJSON = await post<Parameters<typeof startAuthentication>[0]["optionsJSON"]>("verify-options");
      await post("verify", await startAuthentication({ optionsJSON }));
      window.location.assign(next);
    } catch (e) {
      setError(explain(e));
      setBusy(false);
    }
  }
  return (
    <div className="space-y-3">
      <Problem text={error} />
      <button type="button" className={`${PRIMARY} w-full`} disabled={busy} onClick={verify}>
        {busy ? "Waiting for your device…" : "Use my passkey"}
      </button>
    </div>
  );
}

/** A new set of recovery codes (the old ones stop working), shown once. */
export function RegenerateCodes({ next }: { next: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  if (codes) return <RecoveryCodes codes={codes} next={next} />;
  async function regenerate() {
    setBusy(true);
    setError(null);
    try {
      setCodes((await post<{ recoveryCodes: string[] }>("recovery-codes")).recoveryCodes);
    } catch (e) {
      setError(explain(e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="space-y-2">
      <Problem text={error} />
      <button type="button" className={SECONDARY} disabled={busy} onClick={regenerate}>
        {busy ? "Working…" : "Make new recovery codes"}
      </button>
    </div>
  );
}

function RecoveryCodes({ codes, next, made }: { codes: string[]; next: string; made?: string }) {
  const [saved, setSaved] = useState(false);
  const [copied, setCopied] = useState(false);
  return (
    <div className="space-y-3 rounded-lg border border-brand bg-brand-soft p-4" data-testid="recovery-codes">
      {made ? (
        <p role="status" className="text-sm font-semibold">
          Passkey “{made}” created. One last step:
        </p>
      ) : null}
      <h2 className="text-lg font-semibold">Your recovery codes</h2>
      <p className="text-sm">
        Each code works <strong>once</strong>, instead of your passkey, if you lose your device. Save them now in a
        password manager or print them: they are shown only this once. Any older codes no longer work.
      </p>
      <ol className="grid grid-cols-2 gap-2 font-mono text-sm sm:grid-cols-2" aria-label="Recovery codes">
        {codes.map((c) => (
          <li key={c} className="rounded border border-line bg-white px-2 py-1 text-center tracking-wider">
            {c}
          </li>
        ))}
      </ol>
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          className={SECONDARY}
          onClick={() => navigator.clipboard?.writeText(codes.join("\n")).then(() => setCopied(true))}
        >
          {copied ? "Copied" : "Copy all codes"}
        </button>
        <button type="button" className={SECONDARY} onClick={() => window.print()}>
          Print
        </button>
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          checked={saved}
          onChange={(e) => setSaved(e.target.checked)}
          className="h-4 w-4 accent-brand"
        />
        I have saved these codes somewhere safe
      </label>
      <button type="button" className={PRIMARY} disabled={!saved} onClick={() => window.location.assign(next)}>
        Continue
      </button>
    </div>
  );
}
