import { forbidden, notFound, redirect } from "next/navigation";
import { PASSKEY_PAGE } from "@/lib/auth/passkeys/paths";
import { isSecondFactorRefusal } from "@/lib/auth/roles";
import { isAppError } from "@/lib/errors";
import { publicMessage } from "@/lib/error-responses";
import { redirectIfUnavailable } from "@/lib/outage/render-guard";
import { forbiddenReason } from "./forbidden-reason";

/**
 * What a staff page shows when its lib call refuses: sign-in for nobody, the 403
 * explanation for the wrong role, 404 for a missing record, the message for a bad query,
 * the 503 page (via /unavailable) for a database fault.
 * Anything else is ours and is rethrown (a real 500).
 */
export async function pageError(e: unknown): Promise<React.ReactElement> {
  await redirectIfUnavailable(e);
  if (!isAppError(e)) throw e;
  if (e.code === "unauthorized") redirect(isSecondFactorRefusal(e) ? PASSKEY_PAGE : "/sign-in");
  if (e.code === "not_found") notFound();
  // HTTP 403 with app/forbidden.tsx (experimental.authInterrupts).
  if (e.code === "forbidden") {
    forbiddenReason().message = publicMessage(e);
    forbidden();
  }
  return (
    <section className="max-w-xl rounded-lg border border-line bg-white p-6" role="alert">
      <h1 className="text-xl font-semibold">That did not work</h1>
      <p className="mt-2 text-muted" data-testid="page-error">
        {publicMessage(e)}
      </p>
    </section>
  );
}
