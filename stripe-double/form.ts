/**
 * Stripe's form encoding: `a[b][0][c]=v`. The SDK emits indexed arrays (`x[0]`),
 * curl users write `x[]`; both become arrays here.
 */
export type FormValue = string | FormValue[] | FormObject;
export interface FormObject {
  [key: string]: FormValue;
}

export function parseForm(encoded: string): FormObject {
  const root: Building = {};
  if (!encoded) return {};
  for (const [rawKey, value] of new URLSearchParams(encoded)) {
    const segments = splitKey(rawKey);
    assign(root, segments, value);
  }
  return finalizeArrays(root) as FormObject;
}

function splitKey(key: string): string[] {
  const first = key.indexOf("[");
  if (first === -1) return [key];
  const segments = [key.slice(0, first)];
  const re = /\[([^\]]*)\]/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(key.slice(first))) !== null) segments.push(m[1] ?? "");
  return segments;
}

// Arrays are built as objects keyed by index first, because `x[1]` may arrive before `x[0]`.
type Building = { [key: string]: Building | string };
const APPEND = "\u0000append";

function assign(node: Building, segments: string[], value: string): void {
  let cur = node;
  for (let i = 0; i < segments.length; i++) {
    let seg = segments[i] ?? "";
    const last = i === segments.length - 1;
    if (seg === "") seg = `${APPEND}${Object.keys(cur).length}`;
    if (last) {
      cur[seg] = value;
      return;
    }
    const next = cur[seg];
    if (typeof next === "object") cur = next;
    else {
      const fresh: Building = {};
      cur[seg] = fresh;
      cur = fresh;
    }
  }
}

function finalizeArrays(node: Building | string): FormValue {
  if (typeof node === "string") return node;
  const keys = Object.keys(node);
  const isArray = keys.length > 0 && keys.every((k) => /^\d+$/.test(k) || k.startsWith(APPEND));
  if (isArray) {
    const ordered = keys
      .map((k) => ({ k, n: Number(k.startsWith(APPEND) ? k.slice(APPEND.length) : k) }))
      .sort((a, b) => a.n - b.n);
    return ordered.map(({ k }) => finalizeArrays(node[k] as Building | string));
  }
  const out: FormObject = {};
  for (const k of keys) out[k] = finalizeArrays(node[k] as Building | string);
  return out;
}

export function isFormObject(v: FormValue | undefined): v is FormObject {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Stable JSON for comparing idempotent requests by parameters, not by encoding order. */
export function canonical(v: FormValue): string {
  if (typeof v === "string") return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  return `{${Object.keys(v)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical(v[k] as FormValue)}`)
    .join(",")}}`;
}
