import { invalidRequest } from "./errors";
import { toWire } from "./store";

type Lookup = (id: string) => object | undefined;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * Replace id strings with the objects they name along each dotted path, as
 * `expand[]` does. Paths that name no expandable id fail the way Stripe's do.
 */
export function expandPaths<T extends object>(root: T, paths: readonly string[], lookup: Lookup): T {
  const copy = toWire(root);
  for (const path of paths) {
    const parts = path.split(".");
    if (parts.length > 4)
      throw invalidRequest(`You cannot expand more than 4 levels of a property. Property: ${path}`, "expand");
    expandOne(copy, parts, path, lookup);
  }
  return copy;
}

function expandOne(node: unknown, parts: string[], full: string, lookup: Lookup): void {
  const [head, ...rest] = parts;
  if (head === undefined || !isRecord(node)) return;
  if (head === "data" && Array.isArray(node["data"])) {
    for (const item of node["data"]) expandOne(item, rest, full, lookup);
    return;
  }
  let value = node[head];
  if (typeof value === "string") {
    const found = lookup(value);
    if (!found) throw invalidRequest(`This property cannot be expanded (${head}).`, "expand");
    node[head] = found;
    value = found;
  } else if (value === undefined || (value !== null && !isRecord(value))) {
    throw invalidRequest(`This property cannot be expanded (${head}).`, "expand");
  }
  // null links stay null (e.g. a charge whose balance transaction is not there yet).
  if (value !== null && rest.length > 0) expandOne(value, rest, full, lookup);
}
