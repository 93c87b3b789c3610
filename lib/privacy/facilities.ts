import { foldString, tokenize, words } from "./normalize";
import { PhraseMatcher } from "./phrases";

// Naming the facility narrows a detained person down to a few hundred people
// and tells an abuser where to wait. Aliases are the short names advocates and
// news stories actually use; generic words ("processing center") are left out
// so they cannot match on their own. Bare city names (Houston, Tacoma) are
// left out too: a region is safe to publish, the facility is not.

export interface Facility {
  readonly name: string;
  readonly aliases: readonly string[];
}

export const FACILITIES: readonly Facility[] = [
  { name: "Adelanto ICE Processing Center", aliases: ["Adelanto"] },
  { name: "Desert View Annex", aliases: ["Desert View"] },
  { name: "Golden State Annex", aliases: [] },
  { name: "Mesa Verde ICE Processing Center", aliases: ["Mesa Verde"] },
  { name: "Imperial Regional Detention Facility", aliases: ["Imperial Regional"] },
  { name: "Otay Mesa Detention Center", aliases: ["Otay Mesa", "Otay"] },
  { name: "Eloy Detention Center", aliases: ["Eloy", "Eloy Federal Contract Facility"] },
  { name: "Florence Service Processing Center", aliases: ["Florence SPC"] },
  { name: "Central Arizona Florence Correctional Complex", aliases: ["CAFCC"] },
  { name: "La Palma Correctional Center", aliases: ["La Palma"] },
  { name: "San Luis Regional Detention Center", aliases: [] },
  { name: "Nevada Southern Detention Center", aliases: ["Pahrump"] },
  { name: "Otero County Processing Center", aliases: ["Otero"] },
  { name: "Torrance County Detention Facility", aliases: ["Torrance County"] },
  { name: "Cibola County Correctional Center", aliases: ["Cibola"] },
  { name: "El Paso Service Processing Center", aliases: ["El Paso SPC", "El Paso Processing Center"] },
  { name: "Port Isabel Detention Center", aliases: ["Port Isabel", "Port Isabel Service Processing Center"] },
  { name: "South Texas ICE Processing Center", aliases: ["Pearsall"] },
  { name: "South Texas Family Residential Center", aliases: ["Dilley"] },
  { name: "Karnes County Immigration Processing Center", aliases: ["Karnes", "Karnes County Residential Center"] },
  { name: "T. Don Hutto Detention Center", aliases: ["Hutto", "T Don Hutto"] },
  { name: "Montgomery Processing Center", aliases: ["Joe Corley", "Joe Corley Processing Center"] },
  { name: "Houston Contract Detention Facility", aliases: [] },
  { name: "IAH Secure Adult Detention Facility", aliases: ["IAH Polk", "Polk County Adult Detention"] },
  { name: "Rio Grande Processing Center", aliases: [] },
  { name: "Bluebonnet Detention Facility", aliases: ["Bluebonnet"] },
  { name: "Prairieland Detention Center", aliases: ["Prairieland"] },
  { name: "Coastal Bend Detention Center", aliases: ["Coastal Bend"] },
  {
    name: "Central Louisiana ICE Processing Center",
    aliases: ["Jena", "LaSalle ICE Processing Center", "LaSalle", "La Salle ICE Processing Center"],
  },
  { name: "South Louisiana ICE Processing Center", aliases: ["Basile"] },
  { name: "Pine Prairie ICE Processing Center", aliases: ["Pine Prairie"] },
  { name: "Winn Correctional Center", aliases: [] },
  { name: "River Correctional Center", aliases: [] },
  { name: "Richwood Correctional Center", aliases: ["Richwood"] },
  { name: "Jackson Parish Correctional Center", aliases: [] },
  { name: "Allen Parish Public Safety Complex", aliases: [] },
  { name: "Adams County Detention Center", aliases: ["Natchez"] },
  { name: "Tallahatchie County Correctional Facility", aliases: ["Tallahatchie"] },
  { name: "Stewart Detention Center", aliases: ["Lumpkin"] },
  { name: "Irwin County Detention Center", aliases: ["Irwin County"] },
  { name: "Folkston ICE Processing Center", aliases: ["Folkston"] },
  { name: "Etowah County Detention Center", aliases: ["Etowah"] },
  { name: "Krome North Service Processing Center", aliases: ["Krome", "Krome SPC"] },
  { name: "Broward Transitional Center", aliases: ["Broward Transitional"] },
  { name: "Glades County Detention Center", aliases: ["Glades County"] },
  { name: "Baker County Detention Center", aliases: ["Baker County Facility"] },
  { name: "South Florida Detention Facility", aliases: ["Alligator Alcatraz"] },
  { name: "Caroline Detention Facility", aliases: ["Bowling Green detention center"] },
  { name: "Farmville Detention Center", aliases: ["ICA Farmville", "Farmville"] },
  { name: "Moshannon Valley Processing Center", aliases: ["Moshannon", "Moshannon Valley"] },
  { name: "Elizabeth Contract Detention Facility", aliases: ["Elizabeth Detention Center"] },
  { name: "Delaney Hall Detention Facility", aliases: ["Delaney Hall"] },
  { name: "Buffalo Federal Detention Facility", aliases: ["Batavia", "Batavia Service Processing Center"] },
  { name: "Orange County Correctional Facility", aliases: [] },
  { name: "Plymouth County Correctional Facility", aliases: [] },
  { name: "Broadview Service Staging Area", aliases: ["Broadview"] },
  { name: "Dodge County Detention Facility", aliases: [] },
  {
    name: "Denver Contract Detention Facility",
    aliases: ["Aurora ICE Processing Center", "Aurora Contract Detention Facility"],
  },
  {
    name: "Northwest ICE Processing Center",
    aliases: [
      "Tacoma Northwest ICE Processing Center",
      "Northwest Detention Center",
      "NWIPC",
      "NWDC",
      "Tacoma ICE Processing Center",
    ],
  },
  { name: "NORCOR", aliases: ["Northern Oregon Regional Correctional Facility"] },
];

function facilityPhrases(f: Facility): string[][] {
  const phrases = [f.name, ...f.aliases].map(words);
  // "ICE Processing Center" is often shortened to "Processing Center".
  const withoutIce = phrases.filter((w) => w.includes("ice") && w.length > 3).map((w) => w.filter((x) => x !== "ice"));
  return [...phrases, ...withoutIce].filter((w) => w.length > 0);
}

function buildFacilityMatcher(): PhraseMatcher<number> {
  const matcher = new PhraseMatcher<number>();
  FACILITIES.forEach((f, index) => {
    for (const phrase of facilityPhrases(f)) matcher.add(phrase, index);
  });
  return matcher;
}

export const FACILITY_MATCHER: PhraseMatcher<number> = buildFacilityMatcher();

/** Indexes of shipped facilities whose name or alias occurs in `value`. */
export function lookUpFacilities(value: string): number[] {
  const folded = foldString(value);
  const hits = FACILITY_MATCHER.find(folded, tokenize(folded));
  return [...new Set(hits.map((h) => h.payload))];
}
