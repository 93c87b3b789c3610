import createMiddleware from "next-intl/middleware";
import { routing } from "@/lib/i18n/routing";

export default createMiddleware(routing);

// Only donor pages are localised. The webhook and other APIs, the offline Stripe pages, staff
// areas (English only, with their own layout) and static files are never redirected or rewritten.
export const config = {
  matcher: ["/((?!api|dev|sign-in|account|lawyer|admin|treasury|_next|_vercel|.*\\..*).*)"],
};
