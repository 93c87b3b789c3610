import type Stripe from "stripe";
import { invalidRequest } from "./errors";
import type { FormObject } from "./form";
import { optInteger, optString } from "./params";

/**
 * Stripe list semantics: newest first, `limit` 1..100 (default 10), cursor by
 * object id with `starting_after` / `ending_before`.
 */
export function paginate<T extends { id: string }>(newestFirst: T[], q: FormObject, url: string): Stripe.ApiList<T> {
  const limit = optInteger(q, "limit") ?? 10;
  if (limit < 1 || limit > 100)
    throw invalidRequest("This value must be between 1 and 100.", "limit", "parameter_invalid_integer");
  const after = optString(q, "starting_after");
  const before = optString(q, "ending_before");
  let slice = newestFirst;
  if (after !== undefined) {
    const at = newestFirst.findIndex((o) => o.id === after);
    if (at === -1) throw invalidRequest(`No such object: '${after}'`, "starting_after", "resource_missing");
    slice = newestFirst.slice(at + 1);
    return { object: "list", data: slice.slice(0, limit), has_more: slice.length > limit, url };
  }
  if (before !== undefined) {
    const at = newestFirst.findIndex((o) => o.id === before);
    if (at === -1) throw invalidRequest(`No such object: '${before}'`, "ending_before", "resource_missing");
    // Items just before the cursor, still returned newest first.
    slice = newestFirst.slice(Math.max(0, at - limit), at);
    return { object: "list", data: slice, has_more: at - limit > 0, url };
  }
  return { object: "list", data: slice.slice(0, limit), has_more: slice.length > limit, url };
}
