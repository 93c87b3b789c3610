import { signOutAction } from "./actions";

/** The sign-out button: a plain form, so it works without JavaScript; the pages differ only in its look. */
export function SignOutForm({ className, buttonClassName }: { className: string; buttonClassName: string }) {
  return (
    <form action={signOutAction} className={className}>
      <button type="submit" className={buttonClassName}>
        Sign out
      </button>
    </form>
  );
}
