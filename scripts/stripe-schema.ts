/**
 * Writes stripe-double/schema/stripe-objects.schema.json: a JSON Schema (draft
 * 2020-12) of the Stripe objects the double produces (scripts/stripe-schema-roots.ts),
 * generated offline from the installed `stripe` package's own .d.ts types with the
 * TypeScript compiler, and pinned to that package's version and API version.
 * tests/unit/stripe-double/schema.test.ts validates everything the double returns
 * and sends against it, and fails when the SDK changes until this is run again:
 *
 *   npm run stripe:schema
 *
 * Pruning keeps the file small: a Stripe resource that is not a root (a Customer,
 * an Account…) is only checked to be a string id or an object; payment-method
 * specific sub-objects other than card and bank debit are only checked to be objects.
 * Every property the SDK declares required is required; no undeclared property is allowed.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

type Schema = Record<string, unknown>;

const ROOT = path.resolve(__dirname, "..");
const ROOTS_FILE = path.join(ROOT, "scripts/stripe-schema-roots.ts");
const OUT = path.join(ROOT, "stripe-double/schema/stripe-objects.schema.json");
/** Per-payment-method sub-objects kept in full (the double only makes card and US bank debit payments). */
const KEPT_METHODS = new Set(["card", "us_bank_account"]);
const METHOD_PARENTS = /(PaymentMethodDetails|PaymentMethodOptions|PaymentMethodConfigurationDetails)$/;

const program = ts.createProgram([ROOTS_FILE], {
  strict: true,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  target: ts.ScriptTarget.ES2022,
  skipLibCheck: true,
});
const checker = program.getTypeChecker();
const defs: Record<string, Schema> = {};
const rootNames = new Map<string, string>();

/**
 * "Charge.PaymentMethodDetails.Card" for a declared type; a module under a
 * resources/ folder adds its namespace ("Checkout.Session", "BillingPortal.Session").
 */
function nameOf(t: ts.Type): string | null {
  const sym = t.aliasSymbol ?? t.getSymbol();
  if (!sym || sym.name === "__type" || sym.name === "__object") return null;
  const full = checker.getFullyQualifiedName(sym);
  const folder = /resources\/(.+)\/[^/]+"\./.exec(full)?.[1];
  const local = full.replace(/^".*?"\./, "");
  return folder ? `${folder.replace(/\//g, ".")}.${local}` : local;
}

function isResource(t: ts.Type): boolean {
  const obj = t.getProperty("object");
  if (!obj || !t.getProperty("id")) return false;
  const ot = checker.getTypeOfSymbol(obj);
  return !!(ot.flags & ts.TypeFlags.StringLiteral);
}

function union(members: Schema[]): Schema {
  const enums: unknown[] = [];
  const rest: Schema[] = [];
  for (const m of members) {
    if ("const" in m && Object.keys(m).length === 1) enums.push(m.const);
    else if (!rest.some((r) => JSON.stringify(r) === JSON.stringify(m))) rest.push(m);
  }
  // The SDK widens enums with OtherString (string & {}) so clients survive new values; the double
  // must send only the values this version documents, so that widening is dropped here.
  const strict = rest.filter((r) => !r["x-other-string"]);
  const openString = strict.some((r) => r.type === "string" && Object.keys(r).length === 1);
  const kept = openString ? enums.filter((e) => typeof e !== "string") : enums;
  if (kept.length) strict.push(kept.length === 1 ? { const: kept[0] } : { enum: kept });
  const out = strict.length ? strict : [{ type: "string" }];
  return out.length === 1 ? out[0]! : { anyOf: out };
}

function isObjectOrNull(t: ts.Type): boolean {
  const parts = (t.isUnion() ? t.types : [t]).filter((x) => !(x.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined)));
  return parts.length > 0 && parts.every((x) => x.flags & ts.TypeFlags.Object && !checker.isArrayType(x));
}

function objectSchema(t: ts.Type, name: string | null): Schema {
  const props = checker.getPropertiesOfType(t);
  const index = checker.getIndexInfoOfType(t, ts.IndexKind.String);
  if (!props.length && index) return { type: "object", additionalProperties: convert(index.type, name) };
  // An empty interface (Event.Data.Object) says nothing about its contents.
  if (!props.length) return { type: "object" };
  const properties: Record<string, Schema> = {};
  const required: string[] = [];
  for (const p of props) {
    const decl = p.valueDeclaration ?? p.declarations?.[0];
    if (!decl) continue;
    const pt = checker.getTypeOfSymbolAtLocation(p, decl);
    if (pt.getCallSignatures().length) continue;
    const pruned = name && METHOD_PARENTS.test(name) && !KEPT_METHODS.has(p.name) && isObjectOrNull(pt);
    properties[p.name] = pruned ? { anyOf: [{ type: "object" }, { type: "null" }] } : convert(pt, name);
    if (!(p.flags & ts.SymbolFlags.Optional)) required.push(p.name);
  }
  return { type: "object", properties, required, additionalProperties: index ? convert(index.type, name) : false };
}

function convert(t: ts.Type, parent: string | null): Schema {
  const f = t.flags;
  if (f & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return {};
  if (f & ts.TypeFlags.String) return { type: "string" };
  if (f & ts.TypeFlags.Number) return { type: "number" };
  if (f & ts.TypeFlags.Boolean) return { type: "boolean" };
  if (f & ts.TypeFlags.Null) return { type: "null" };
  if (f & ts.TypeFlags.StringLiteral) return { const: (t as ts.StringLiteralType).value };
  if (f & ts.TypeFlags.NumberLiteral) return { const: (t as ts.NumberLiteralType).value };
  if (f & ts.TypeFlags.BooleanLiteral) return { const: checker.typeToString(t) === "true" };
  if (t.isUnion()) {
    const members = t.types.filter((m) => !(m.flags & ts.TypeFlags.Undefined));
    const bools = members.filter((m) => m.flags & ts.TypeFlags.BooleanLiteral);
    const others = members.filter((m) => !(m.flags & ts.TypeFlags.BooleanLiteral));
    const schemas = others.map((m) => convert(m, parent));
    if (bools.length === 2) schemas.push({ type: "boolean" });
    else schemas.push(...bools.map((b) => convert(b, parent)));
    return union(schemas);
  }
  if (t.isIntersection()) {
    if (t.types.some((m) => m.flags & ts.TypeFlags.String)) return { type: "string", "x-other-string": true };
    return {};
  }
  if (checker.isArrayType(t)) {
    const [item] = checker.getTypeArguments(t as ts.TypeReference);
    return { type: "array", items: item ? convert(item, parent) : {} };
  }
  const name = nameOf(t);
  if (name === "Decimal") return { type: "string" };
  if (name && isResource(t)) {
    const root = [...rootNames].find(([, n]) => n === name)?.[0];
    if (!root) return { type: "object", properties: { id: { type: "string" } }, required: ["id"] };
    return { $ref: `#/$defs/${name}` };
  }
  if (name && name.includes(".")) {
    if (!(name in defs)) {
      defs[name] = {};
      defs[name] = objectSchema(t, name);
    }
    return { $ref: `#/$defs/${name}` };
  }
  return objectSchema(t, name ?? parent);
}

const rootsFile = program.getSourceFile(ROOTS_FILE)!;
const rootsDecl = rootsFile.statements.find(
  (s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === "StripeSchemaRoots",
)!;
const rootsType = checker.getTypeAtLocation(rootsDecl);
const roots = checker.getPropertiesOfType(rootsType).map((p) => {
  const t = checker.getTypeOfSymbolAtLocation(p, p.valueDeclaration!);
  return { object: p.name, type: t, name: nameOf(t)! };
});
if (!roots.length) throw new Error("no roots found (is the stripe package installed?)");
for (const r of roots) rootNames.set(r.object, r.name);
for (const r of roots) defs[r.name] = objectSchema(r.type, r.name);

const sdk = JSON.parse(readFileSync(path.join(ROOT, "node_modules/stripe/package.json"), "utf8")) as {
  version: string;
};
const apiVersion = /ApiVersion = '([^']+)'/.exec(
  readFileSync(path.join(ROOT, "node_modules/stripe/cjs/apiVersion.js"), "utf8"),
)?.[1];
const sorted = Object.fromEntries(Object.entries(defs).sort(([a], [b]) => a.localeCompare(b)));
const schema = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $comment: "Generated by scripts/stripe-schema.ts from the stripe package's .d.ts types. Do not edit.",
  "x-stripe-sdk-version": sdk.version,
  "x-stripe-api-version": apiVersion,
  "x-roots": Object.fromEntries(roots.map((r) => [r.object, `#/$defs/${r.name}`])),
  $defs: sorted,
};
mkdirSync(path.dirname(OUT), { recursive: true });
writeFileSync(OUT, JSON.stringify(schema) + "\n");
console.log(`${OUT}: ${Object.keys(defs).length} definitions, ${JSON.stringify(schema).length} bytes`);
