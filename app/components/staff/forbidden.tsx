import Link from "next/link";

/** Shown instead of a staff page to someone signed in without the needed role. */
export function Forbidden({ message }: { message: string }) {
  return (
    <section className="max-w-xl rounded-lg border border-accent/40 bg-white p-6" data-testid="forbidden">
      <p className="text-sm font-semibold uppercase tracking-wide text-accent">403 · Not allowed</p>
      <h1 className="mt-1 text-2xl font-semibold">You do not have access to this page</h1>
      <p className="mt-2" data-testid="page-error">
        {message}
      </p>
      <p className="mt-2 text-sm text-muted">
        Roles are granted by a fund administrator. Lawyers get theirs when the fund verifies their{" "}
        <Link href="/lawyer/profile" className="text-brand underline">
          lawyer profile
        </Link>
        . See{" "}
        <Link href="/account" className="text-brand underline">
          your account
        </Link>{" "}
        for the roles you have.
      </p>
    </section>
  );
}
