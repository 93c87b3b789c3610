/**
 * Auth.js: magic links by email (real SMTP with SMTP_URL, the development
 * outbox otherwise), database sessions, roles on the session.
 */
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import NextAuth, { type NextAuthConfig } from "next-auth";
import { getDb } from "@/db";
import { accounts, sessions, users, verificationTokens, type Role } from "@/db/schema";
import { secrets } from "@/lib/dev-secrets";
import { env } from "@/lib/env";
import { enqueueMail } from "@/lib/mail/outbox";
import { sendPendingMail } from "@/lib/mail/send-pending";
import { rolesOf, type Principal } from "./roles";
import { signInMail } from "./sign-in-mail";

declare module "next-auth" {
  interface Session {
    userId: string;
    roles: Role[];
  }
}

async function config(): Promise<NextAuthConfig> {
  const db = await getDb();
  return {
    secret: secrets().authSecret,
    trustHost: true,
    adapter: DrizzleAdapter(db, {
      usersTable: users,
      accountsTable: accounts,
      sessionsTable: sessions,
      verificationTokensTable: verificationTokens,
    }),
    session: { strategy: "database", maxAge: 8 * 60 * 60 },
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
      async session({ session, user }) {
        return { ...session, userId: user.id, roles: await rolesOf(db, user.id) };
      },
    },
  };
}

export const { handlers, auth, signIn, signOut } = NextAuth(config);

/** The signed-in person and their roles, or null. */
export async function currentPrincipal(): Promise<Principal | null> {
  const session = await auth();
  return session?.userId ? { userId: session.userId, roles: session.roles ?? [] } : null;
}
