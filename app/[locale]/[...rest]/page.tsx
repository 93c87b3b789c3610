import { notFound } from "next/navigation";

// Anything the proxy routed here that no page matches.
export default function CatchAll() {
  notFound();
}
