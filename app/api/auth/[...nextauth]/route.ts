/**
 * Auth.js's routes, with two changes: /api/auth/session answers only name, roles and expiry
 * (lib/auth/public-session.ts), and the email sign-in POST is refused here, so every sign-in
 * link goes through the sign-in page's action and its per-address and per-client limits.
 */
import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/config";
import { publicSession } from "@/lib/auth/public-session";

const BASE = "/api/auth";

async function onlyPublic(req: NextRequest, res: Response): Promise<Response> {
  if (req.nextUrl.pathname !== `${BASE}/session` || !res.ok) return res;
  const headers = new Headers(res.headers);
  headers.delete("content-length");
  return new Response(JSON.stringify(publicSession(await res.json())), { status: res.status, headers });
}

export async function GET(req: NextRequest): Promise<Response> {
  return onlyPublic(req, await handlers.GET(req));
}

export async function POST(req: NextRequest): Promise<Response> {
  if (req.nextUrl.pathname.startsWith(`${BASE}/signin/`)) return new Response("Not found", { status: 404 });
  return onlyPublic(req, await handlers.POST(req));
}
