/** Small shared pieces of the donate form (client side). */
export const box = "block w-full rounded-md border bg-white px-3 py-2 text-base";
export const errorText = "mt-1 text-sm font-medium text-red-800";
export const choice =
  "block rounded-md border border-line bg-white py-2 text-center font-medium peer-checked:border-brand peer-checked:bg-brand-soft peer-checked:text-brand peer-focus-visible:outline-3 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-accent";

/** "Give {amount}" → "Give $37.00": the labels arrive translated, with placeholders for what the donor types. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => values[k] ?? m);
}
