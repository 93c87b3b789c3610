/** The double's HTTP routes: the shape of one, and the generic retrieve and list handlers. */
import type { DoubleCore, RequestContext } from "../core";
import { invalidRequest, noSuchObject } from "../errors";
import { expandPaths } from "../expand";
import type { FormObject } from "../form";
import { paginate } from "../list";
import { optString, rejectUnknown } from "../params";
import type { ObjectTypes } from "../store";

export type Handler = (core: DoubleCore, params: FormObject, ctx: RequestContext, ids: string[]) => object;
export interface Route {
  method: "GET" | "POST" | "DELETE";
  pattern: RegExp;
  handler: Handler;
}

const LIST_KEYS = ["limit", "starting_after", "ending_before", "expand"];

function expandList(p: FormObject): string[] {
  const e = p["expand"];
  if (e === undefined) return [];
  const list = Array.isArray(e) ? e : [e];
  return list.map((v, i) => {
    if (typeof v !== "string") throw invalidRequest(`Invalid string: expand[${i}]`, `expand[${i}]`);
    return v;
  });
}

export function withExpand<T extends object>(core: DoubleCore, obj: T, p: FormObject): T {
  return expandPaths(
    obj,
    expandList(p),
    (id) => core.lookup(id),
    (node, property) => core.include(node, property),
  );
}

export function retrieve<K extends keyof ObjectTypes>(kind: K, noun: string): Handler {
  return (core, p, _ctx, [id = ""]) => {
    rejectUnknown(p, ["expand"]);
    const obj = core.store.get(kind, id);
    if (!obj) throw noSuchObject(noun, id);
    return withExpand(core, obj, p);
  };
}

export function list<K extends keyof ObjectTypes>(
  kind: K,
  url: string,
  filters: Record<string, (o: ObjectTypes[K], value: string, core: DoubleCore) => boolean>,
): Handler {
  return (core, p) => {
    rejectUnknown(p, [...LIST_KEYS, ...Object.keys(filters)]);
    let items = core.store.all(kind).reverse();
    for (const [key, test] of Object.entries(filters)) {
      const v = optString(p, key);
      if (v !== undefined) items = items.filter((o) => test(o, v, core));
    }
    return withExpand(core, paginate(items, p, url), p);
  };
}
