import { forbidden as forbid, notFound, redirect } from "next/navigation";
import { isAppError, publicMessage } from "@/lib/errors";
import { forbiddenReason } from "../../../components/staff/forbidden-reason";
import { redirectIfUnavailable } from "@/lib/outage/render-guard";

/**
 * What a page shows when its lib call refuses: sign-in for nobody, a 403 page
 * naming the role for the wrong role, 404 for a missing record, the message for a bad query,
 * the 503 page (via /unavailable) for a database fault.
 * Anything else is ours and is rethrown (a real 500).
 */
export async function pageError(e: unknown): Promise<React.ReactElement> {
  await redirectIfUnavailable(e);
  if (!isAppError(e)) throw e;
  if (e.code === "unauthorized") redirect("/sign-in");
  if (e.code === "not_found") notFound();
  // HTTP 403 with app/forbidden.tsx (issue 11 finding 12), not a 200 page saying 403.
  if (e.code === "forbidden") {
    forbiddenReason().message = publicMessage(e);
    forbid();
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
