/** A believable small fund: campaigns in every public state. Aliases are invented; no real person is described. */
import type { Role } from "@/db/schema";
import type { CampaignStatus } from "@/lib/campaigns/queries";

export interface DemoCampaign {
  slug: string;
  alias: string;
  region: string;
  summary: string;
  story: string;
  detentionMonth: string;
  goalCents: number;
  status: CampaignStatus;
  /** Share of the goal donors have given, in percent (may exceed 100). */
  fundedPercent: number;
  bond?: "posted" | "refunded";
  /** Months before seeding when the campaign went live. */
  ageMonths: number;
}

export const DEMO_CAMPAIGNS: DemoCampaign[] = [
  {
    slug: "dmitri-louisiana",
    alias: "Dmitri",
    region: "Louisiana",
    summary: "A young man who fled forced conscription, held since the summer.",
    story:
      "Dmitri* refused to fight in a war he did not believe in and left home with one bag. He asked for asylum at the border and has been detained since. An immigration judge set a bond; his family abroad cannot pay it. Once released he will live with a host family while his case continues, and his lawyer will keep this page updated.",
    detentionMonth: "2026-07",
    goalCents: 2_000_000,
    status: "live",
    fundedPercent: 37,
    ageMonths: 1,
  },
  {
    slug: "amara-texas",
    alias: "Amara",
    region: "Texas",
    summary: "A mother of two, separated from her children by detention.",
    story:
      "Amara* has two children who are staying with a relative while she is detained. She has a pending asylum claim and an attorney. Her bond was set at the amount below. Paying it lets her care for her children while her case is heard.",
    detentionMonth: "2026-09",
    goalCents: 600_000,
    status: "live",
    fundedPercent: 36,
    ageMonths: 0,
  },
  {
    slug: "luis-arizona",
    alias: "Luis",
    region: "Arizona",
    summary: "A carpenter with a pending case and a community waiting for him.",
    story:
      "Luis* has lived and worked in his community for years. His church and coworkers have written letters for his case. He is close to his bond goal.",
    detentionMonth: "2026-08",
    goalCents: 850_000,
    status: "live",
    fundedPercent: 95,
    ageMonths: 1,
  },
  {
    slug: "nadia-georgia",
    alias: "Nadia",
    region: "Georgia",
    summary: "Fully funded: the fund is arranging the bond payment.",
    story:
      "Nadia* is a student who fled persecution. Donors met her bond in eleven days. The fund is now preparing the payment.",
    detentionMonth: "2026-06",
    goalCents: 500_000,
    status: "funded",
    fundedPercent: 104,
    ageMonths: 2,
  },
  {
    slug: "tomas-california",
    alias: "Tomás",
    region: "California",
    summary: "Bond posted: released to his family while his case continues.",
    story:
      "Tomás* was released after the fund posted his bond. His case continues; the bond comes back to the fund when it ends.",
    detentionMonth: "2026-03",
    goalCents: 1_200_000,
    status: "bond_posted",
    fundedPercent: 100,
    bond: "posted",
    ageMonths: 6,
  },
  {
    slug: "yusuf-new-jersey",
    alias: "Yusuf",
    region: "New Jersey",
    summary: "Case closed: the bond came back with interest and now funds the next one.",
    story:
      "Yusuf* attended every hearing. His case has ended, ICE cancelled the bond and refunded it with interest to the fund's revolving pool.",
    detentionMonth: "2025-01",
    goalCents: 750_000,
    status: "closed",
    fundedPercent: 100,
    bond: "refunded",
    ageMonths: 20,
  },
];

export const DEMO_DONOR_NAMES = [
  "Maria G.",
  "The Okafor family",
  "Sam",
  "St. Brigid's parish",
  "J. & R. Lindqvist",
  "A neighbour",
  "Priya",
  "Tom and Ellen",
  "Hannah W.",
  "Carlos",
];

/** Demo staff accounts: sign in at /sign-in with these addresses; the link arrives in the development outbox. */
export const DEMO_STAFF: { email: string; roles: Role[] }[] = [
  { email: "admin@openbond.example", roles: ["admin"] },
  { email: "treasurer@openbond.example", roles: ["treasurer"] },
  { email: "treasurer2@openbond.example", roles: ["treasurer"] },
  { email: "lawyer@openbond.example", roles: ["lawyer"] },
  { email: "lawyer2@openbond.example", roles: ["lawyer"] },
];
