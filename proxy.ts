import createMiddleware from "next-intl/middleware";
import { routing } from "@/lib/i18n/routing";

export default createMiddleware(routing);

// The webhook, the offline Stripe pages and static files must never be redirected or rewritten.
export const config = {
  matcher: ["/((?!api|dev|_next|_vercel|.*\\..*).*)"],
};
