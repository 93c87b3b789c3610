/**
 * CSRF guard for the JSON endpoints that are not server actions (the passkey steps): the
 * request must come from a page of this app's configured origin (Origin header, and
 * Sec-Fetch-Site when the browser sends it) and carry a JSON body, which a cross-site form
 * cannot send without a CORS preflight the app never answers.
 */
import { appOrigin } from "@/lib/app-origin";

export function isSameOriginJson(req: Request, origin: string = appOrigin()): boolean {
  if (req.headers.get("origin") !== origin) return false;
  const site = req.headers.get("sec-fetch-site");
  if (site && site !== "same-origin") return false;
  const type = (req.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  return type === "application/json";
}
