import { invalidParam, invalidRequest, missingParam, unknownParam } from "./errors";
import { isFormObject, type FormObject, type FormValue } from "./form";

/**
 * Compile-time exhaustiveness: assigning `true` fails and names the missing
 * keys when the SDK's params type gains a key our list does not cover.
 */
export type CoversAllKeys<T, L extends readonly PropertyKey[]> =
  Exclude<keyof T, L[number]> extends never ? true : { missing: Exclude<keyof T, L[number]> };

/** Reject any key not in `allowed`, naming it the way Stripe does (`a[b][c]`). */
export function rejectUnknown(obj: FormObject, allowed: readonly string[], prefix = ""): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) throw unknownParam(prefix ? `${prefix}[${key}]` : key);
  }
}

export function optString(obj: FormObject, key: string, param = key): string | undefined {
  const v = obj[key];
  if (v === undefined) return undefined;
  if (typeof v !== "string")
    throw invalidRequest(`Invalid string: ${param} must be a string`, param, "parameter_invalid_string");
  return v;
}

export function reqString(obj: FormObject, key: string, param = key): string {
  const v = optString(obj, key, param);
  if (v === undefined || v === "") throw missingParam(param);
  return v;
}

export function optObject(obj: FormObject, key: string, param = key): FormObject | undefined {
  const v = obj[key];
  if (v === undefined || v === "") return undefined;
  if (!isFormObject(v))
    throw invalidRequest(`Invalid object: ${param} must be a hash`, param, "parameter_invalid_object");
  return v;
}

export function optArray(obj: FormObject, key: string, param = key): FormValue[] | undefined {
  const v = obj[key];
  if (v === undefined) return undefined;
  if (!Array.isArray(v))
    throw invalidRequest(`Invalid array: ${param} must be an array`, param, "parameter_invalid_array");
  return v;
}

/** Stripe accepts only base-10 integers for amounts (`5.00` or `5e2` are rejected). */
export function optInteger(obj: FormObject, key: string, param = key): number | undefined {
  const v = optString(obj, key, param);
  if (v === undefined) return undefined;
  if (!/^-?\d+$/.test(v)) throw invalidRequest(`Invalid integer: ${v}`, param, "parameter_invalid_integer");
  const n = Number(v);
  if (!Number.isSafeInteger(n)) throw invalidRequest(`Invalid integer: ${v}`, param, "parameter_invalid_integer");
  return n;
}

export function optEnum<const E extends string>(
  obj: FormObject,
  key: string,
  values: readonly E[],
  param = key,
): E | undefined {
  const v = optString(obj, key, param);
  if (v === undefined) return undefined;
  const hit = values.find((e) => e === v);
  if (hit === undefined) throw invalidParam(param, `Invalid ${param}: must be one of ${values.join(", ")}`);
  return hit;
}

/** Stripe's limits: 50 keys, keys up to 40 characters, values up to 500 characters. */
export function metadataOf(obj: FormObject, key: string, param = key): Record<string, string> {
  const raw = obj[key];
  if (raw === undefined || raw === "") return {};
  if (!isFormObject(raw))
    throw invalidRequest(`Invalid object: ${param} must be a hash`, param, "parameter_invalid_object");
  const out: Record<string, string> = {};
  const keys = Object.keys(raw);
  if (keys.length > 50)
    throw invalidParam(param, `Invalid ${param}: you can specify up to 50 keys, but you passed in ${keys.length}.`);
  for (const k of keys) {
    const v = raw[k];
    const p = `${param}[${k}]`;
    if (typeof v !== "string")
      throw invalidRequest(`Invalid string: ${p} must be a string`, p, "parameter_invalid_string");
    if (k.length > 40)
      throw invalidParam(
        p,
        `Metadata keys can have up to 40 characters, but you passed in a key that is ${k.length} characters.`,
      );
    if (v.length > 500)
      throw invalidParam(
        p,
        `Metadata values can have up to 500 characters, but you passed in a value that is ${v.length} characters.`,
      );
    out[k] = v;
  }
  return out;
}

export function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return u.protocol === "http:" || u.protocol === "https:";
  } catch {
    return false;
  }
}
