/** Filters and sorting for the public campaign list, parsed from the query string (untrusted). */
import { z } from "zod";
import { PUBLIC_STATUSES, type CampaignCard, type CampaignStatus } from "./queries";

export const SORTS = ["newest", "raised", "closest"] as const;
type CampaignSort = (typeof SORTS)[number];

export interface CampaignFilter {
  region: string | null;
  /** "all" means every public status. */
  status: CampaignStatus | "all";
  sort: CampaignSort;
}

const one = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const schema = z.object({
  region: z.preprocess(one, z.string().max(80).optional().catch(undefined)),
  status: z.preprocess(
    one,
    z
      .enum(["all", ...PUBLIC_STATUSES])
      .optional()
      .catch(undefined),
  ),
  sort: z.preprocess(one, z.enum(SORTS).optional().catch(undefined)),
});

export function parseCampaignFilter(query: Record<string, string | string[] | undefined>): CampaignFilter {
  const q = schema.parse(query);
  return {
    region: q.region || null,
    status: (q.status as CampaignFilter["status"] | undefined) ?? "live",
    sort: q.sort ?? "newest",
  };
}

export function statusesFor(filter: CampaignFilter): CampaignStatus[] {
  return filter.status === "all" ? PUBLIC_STATUSES : [filter.status];
}

/** Share of the goal still missing; funded campaigns sort last. */
const remaining = (c: CampaignCard) => Math.max(0, c.goalCents - c.raisedCents) / c.goalCents;

export function applyCampaignFilter(cards: CampaignCard[], filter: CampaignFilter): CampaignCard[] {
  const out = filter.region ? cards.filter((c) => c.region === filter.region) : [...cards];
  const published = (c: CampaignCard) => c.publishedAt?.getTime() ?? 0;
  const bySlug = (a: CampaignCard, b: CampaignCard) => a.slug.localeCompare(b.slug);
  if (filter.sort === "raised") return out.sort((a, b) => b.raisedCents - a.raisedCents || bySlug(a, b));
  if (filter.sort === "closest") return out.sort((a, b) => remaining(a) - remaining(b) || bySlug(a, b));
  return out.sort((a, b) => published(b) - published(a) || bySlug(a, b));
}
