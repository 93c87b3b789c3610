/** A calm, deterministic initial-in-a-disc per campaign: recognisable without a photo of a person. */
const HUES = [168, 200, 24, 280, 130, 340, 45, 220];

export function AliasDisc({ alias, seed }: { alias: string; seed: string }) {
  let h = 0;
  for (const ch of seed) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  const hue = HUES[h % HUES.length];
  return (
    <span
      aria-hidden="true"
      className="inline-flex h-12 w-12 shrink-0 items-center justify-center rounded-full text-xl font-semibold text-white"
      style={{ backgroundColor: `hsl(${hue} 38% 36%)` }}
    >
      {alias.charAt(0).toUpperCase()}
    </span>
  );
}
