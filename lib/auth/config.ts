/**
 * Auth.js: magic links by email (real SMTP with SMTP_URL, the development
 * outbox otherwise), database sessions, roles on the session.
 */
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import NextAuth, { type NextAuthConfig } from "next-auth";
import { getDb } from "@/db";
import { accounts, sessions, users, verificationTokens, type Role } from "@/db/schema";
import { appOrigin } from "@/lib/app-origin";
import { secrets } from "@/lib/dev-secrets";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { enqueueMail } from "@/lib/mail/outbox";
import { sendPendingMail } from "@/lib/mail/send-pending";
import { sessionPayload } from "./public-session";
import { rolesOf, sessionPrincipal, type Principal } from "./roles";
import { secondFactorState, type SecondFactor } from "./second-factor";
import { signInMail } from "./sign-in-mail";

declare module "next-auth" {
  interface Session {
    userId: string;
    roles: Role[];
    /** Server side only (the public /api/auth/session JSON leaves it out). */
    secondFactor?: SecondFactor;
  }
}

/**
 * Pin Auth.js to the app's own origin (lib/app-origin.ts). With AUTH_URL set, next-auth
 * rewrites every handler request onto it (reqWithEnvURL) and builds the sign-in action's
 * URL from it (createActionURL) instead of from Host / X-Forwarded-Host, which a client
 * chooses: the poisoned-link takeover of issue 11 finding 1. Set on each call because in
 * development the origin follows the port Next.js bound, known only once it listens.
 */
function pinAuthUrl(): void {
  process.env.AUTH_URL = appOrigin();
}

async function config(): Promise<NextAuthConfig> {
  pinAuthUrl();
  const db = await getDb();
  return {
    secret: secrets().authSecret,
    // Not "trust the Host header": with AUTH_URL pinned above, Auth.js never reads it.
    trustHost: true,
    adapter: DrizzleAdapter(db, {
      usersTable: users,
      accountsTable: accounts,
      sessionsTable: sessions,
      verificationTokensTable: verificationTokens,
    }),
    session: { strategy: "database", maxAge: 8 * 60 * 60 },
    // Auth.js's default logger prints error causes and metadata (which can hold the email and
    // the token); names and codes only, through the redacting logger.
    logger: {
      error: (e) => log.warn({ name: e.name, type: (e as { type?: string }).type }, "auth error"),
      warn: (code) => log.warn({ code }, "auth warning"),
      debug: () => {},
    },
    pages: { signIn: "/sign-in", verifyRequest: "/sign-in/check-email", error: "/sign-in" },
    providers: [
      {
        id: "email",
        type: "email",
        name: "Email",
        maxAge: 15 * 60,
        normalizeIdentifier: (id: string) => id.trim().toLowerCase(),
        async sendVerificationRequest({ identifier, url, expires }) {
          const mail = signInMail({ url, fund: env().FUND_NAME });
          // The token is single-use; the key only de-duplicates this exact link.
          await enqueueMail(db, {
            dedupeKey: `sign_in:${identifier}:${expires.getTime()}`,
            kind: "sign_in",
            to: identifier,
            ...mail,
          });
          await sendPendingMail(db, 5);
        },
      },
    ],
    callbacks: {
      // Never spread the adapter's session: it carries the session token and the email.
      async session({ session, user }) {
        const roles = await rolesOf(db, user.id);
        // The adapter's session row, with migration 0018's second_factor_at column.
        const verifiedAt = (session as { secondFactorAt?: Date | null }).secondFactorAt;
        const secondFactor = await secondFactorState(db, { userId: user.id, roles, verifiedAt });
        return sessionPayload({ expires: session.expires, user, roles, secondFactor });
      },
    },
  };
}

export const { handlers, auth, signIn, signOut } = NextAuth(config);

/**
 * The signed-in person and their roles, or null. A session that has not proved its second
 * factor (lib/auth/second-factor.ts) comes back with no roles, and requireRole refuses it.
 */
export async function currentPrincipal(): Promise<Principal | null> {
  const session = await auth();
  if (!session?.userId) return null;
  return sessionPrincipal(session.userId, session.roles ?? [], session.secondFactor ?? "verify");
}
