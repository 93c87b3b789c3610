import { invalidRequest } from "./errors";
import { toWire } from "./store";

type Lookup = (id: string) => object | undefined;
/** An includable property (a list Stripe leaves out unless expanded, like a charge's `refunds`), or undefined. */
type Include = (node: Record<string, unknown>, property: string) => object | undefined;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * Replace id strings with the objects they name along each dotted path, as
 * `expand[]` does, and fill in includable lists that are absent until expanded.
 * Paths that name neither fail the way Stripe's do.
 */
export function expandPaths<T extends object>(root: T, paths: readonly string[], lookup: Lookup, include: Include): T {
  const copy = toWire(root);
  for (const path of paths) {
    const parts = path.split(".");
    if (parts.length > 4)
      throw invalidRequest(`You cannot expand more than 4 levels of a property. Property: ${path}`, "expand");
    expandOne(copy, parts, lookup, include);
  }
  return copy;
}

function expandOne(node: unknown, parts: string[], lookup: Lookup, include: Include): void {
  const [head, ...rest] = parts;
  if (head === undefined || !isRecord(node)) return;
  if (head === "data" && Array.isArray(node["data"])) {
    for (const item of node["data"]) expandOne(item, rest, lookup, include);
    return;
  }
  let value = node[head];
  const included = value === undefined ? include(node, head) : undefined;
  if (included) {
    node[head] = included;
    value = included;
  } else if (typeof value === "string") {
    const found = lookup(value);
    if (!found) throw invalidRequest(`This property cannot be expanded (${head}).`, "expand");
    node[head] = found;
    value = found;
  } else if (value === undefined || (value !== null && !isRecord(value))) {
    throw invalidRequest(`This property cannot be expanded (${head}).`, "expand");
  }
  // null links stay null (e.g. a charge whose balance transaction is not there yet).
  if (value !== null && rest.length > 0) expandOne(value, rest, lookup, include);
}
