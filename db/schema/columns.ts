import { text, timestamp } from "drizzle-orm/pg-core";

/**
 * A gift's name on the donor wall (null: "Anonymous") and its staff review: only an approved name
 * is ever public (issue 11). Card gifts and offline gifts both carry these.
 */
export const wallNameColumns = () => ({
  displayName: text("display_name"),
  displayNameReview: text("display_name_review", { enum: ["pending", "approved", "rejected"] })
    .notNull()
    .default("pending"),
  displayNameReviewedBy: text("display_name_reviewed_by"),
  displayNameReviewedAt: timestamp("display_name_reviewed_at", { withTimezone: true }),
});
