/** The one wrapper of staff server actions: principal, zod, AppError → form state, anything else → generic. */
import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";

const session = vi.hoisted(() => ({ me: null as { userId: string; roles: string[] } | null, logged: [] as unknown[] }));
vi.mock("@/lib/auth/config", () => ({ currentPrincipal: async () => session.me }));
vi.mock("@/db", () => ({ getDb: async () => ({}) }));
vi.mock("@/lib/log", () => ({ log: { error: (...a: unknown[]) => session.logged.push(a) } }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw Object.assign(new Error("redirect"), { redirectTo: url });
  },
  unstable_rethrow: (e: { redirectTo?: string }) => {
    if (e?.redirectTo) throw e;
  },
}));

const { validatedAction, anyFields } = await import("@/lib/forms/validated-action");
const { AppError } = await import("@/lib/errors");
const { IDLE, ok } = await import("@/lib/forms/form-state");

const form = (o: Record<string, string>) => {
  const fd = new FormData();
  for (const [k, v] of Object.entries(o)) fd.set(k, v);
  fd.set("$ACTION_ID_abc", "");
  return fd;
};

describe("validatedAction", () => {
  beforeEach(() => {
    session.me = { userId: "u1", roles: ["treasurer"] };
    session.logged = [];
  });

  it("sends nobody to sign-in without running the action", async () => {
    session.me = null;
    const run = vi.fn();
    const action = validatedAction(anyFields, run);
    await expect(action(IDLE, form({}))).rejects.toMatchObject({ redirectTo: "/sign-in" });
    expect(run).not.toHaveBeenCalled();
  });

  it("refuses a form the schema rejects, field by field, keeping what was typed, without running", async () => {
    const run = vi.fn();
    const action = validatedAction(z.object({ amount: z.string().regex(/^\d+$/, "Digits only.") }), run);
    const out = await action(IDLE, form({ amount: "12a" }));
    expect(out).toMatchObject({ status: "error", fieldErrors: { amount: "Digits only." }, values: { amount: "12a" } });
    expect(out.values).not.toHaveProperty("$ACTION_ID_abc");
    expect(run).not.toHaveBeenCalled();
  });

  it("passes bound arguments, the principal and the parsed input", async () => {
    const action = validatedAction(anyFields, async (f, ctx, id: string, kind: string) =>
      ok(`${id} ${kind} ${f.note} ${ctx.me.userId}`),
    );
    expect(await action("b1", "pay", IDLE, form({ note: "n" }))).toMatchObject({
      status: "ok",
      message: "b1 pay n u1",
    });
  });

  it("turns an AppError into its message and field errors; errorField puts it next to that field", async () => {
    const action = validatedAction(
      anyFields,
      async () => {
        throw new AppError("validation", "Give a reason.");
      },
      { errorField: "reason" },
    );
    expect(await action(IDLE, form({ reason: "" }))).toMatchObject({
      status: "error",
      message: "Give a reason.",
      fieldErrors: { reason: "Give a reason." },
    });
  });

  it("answers anything unexpected with the generic message and logs only its class", async () => {
    const action = validatedAction(anyFields, async () => {
      throw new TypeError("secret A-number 123456789 inside");
    });
    const out = await action(IDLE, form({}));
    expect(out.status).toBe("error");
    expect(out.message).toMatch(/went wrong on our side/);
    expect(JSON.stringify(session.logged)).not.toContain("123456789");
    expect(JSON.stringify(session.logged)).toContain("TypeError");
  });

  it("lets a redirect through", async () => {
    const { redirect } = await import("next/navigation");
    const action = validatedAction(anyFields, async () => redirect("/done"));
    await expect(action(IDLE, form({}))).rejects.toMatchObject({ redirectTo: "/done" });
  });
});
