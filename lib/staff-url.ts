/**
 * Route parameters and query strings of staff URLs, checked with zod before any page runs
 * (proxy.ts): an id that is not a UUID answers 404 (never a database error with the SQL in the
 * log), and a query string holding control characters (a NUL makes PostgreSQL refuse the text)
 * answers 400.
 */
import { z } from "zod";

const uuid = z.uuid();
// Segments that are pages of their own rather than ids.
const NOT_IDS = new Set(["new"]);
const ID_ROUTES = /^\/(lawyer\/campaigns|admin\/reviews|treasury\/bonds|treasury\/gifts)\/([^/]+)(?:\/|$)/;
const STAFF = /^\/(account|lawyer|admin|treasury)(\/|$)/;
const EXPORT_KIND = z.string().regex(/^[a-z0-9-]{1,40}$/);

export type StaffUrlVerdict = "ok" | "not_found" | "bad_request";

export function checkStaffUrl(pathname: string, search: string): StaffUrlVerdict {
  if (!STAFF.test(pathname)) return "ok";
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search);
  } catch {
    return "bad_request";
  }
  const query = z
    .array(z.tuple([z.string().max(200), z.string().max(2000)]))
    .refine((pairs) => pairs.every(([k, v]) => !/[\u0000-\u001f\u007f]/.test(k + v)));
  if (!query.safeParse([...params.entries()]).success) return "bad_request";
  const id = ID_ROUTES.exec(pathname)?.[2];
  if (id !== undefined && !NOT_IDS.has(id) && !uuid.safeParse(decodeSafely(id)).success) return "not_found";
  const kind = /^\/treasury\/exports\/([^/]+)/.exec(pathname)?.[1];
  if (kind !== undefined && !EXPORT_KIND.safeParse(kind).success) return "not_found";
  return "ok";
}

function decodeSafely(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return "";
  }
}
