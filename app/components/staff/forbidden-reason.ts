import { cache } from "react";

/**
 * forbidden() carries no message, so the gate leaves the refusal's text here (one object per
 * request, React's cache) for app/forbidden.tsx to show: "This page is for admin accounts."
 */
export const forbiddenReason = cache((): { message: string } => ({ message: "" }));
