/** Gift limits the browser needs too; kept apart from the zod schema so the donate form does not ship zod. */

/** Below this, card testers win: a gift this small costs us more in fees and risk than it brings. */
export const MIN_GIFT_CENTS = 500;
export const PRESET_DOLLARS = [25, 50, 100, 250] as const;
