// Next.js calls register() once per server process before serving requests.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    // First: every request must carry its socket address before any code reads it (lib/net/client-address.ts).
    const { installPeerStamp } = await import("./lib/net/peer-address");
    installPeerStamp();
    // Next.js prints unexpected errors (drizzle's carry SQL and its parameters) with console.error.
    const { installConsoleScrub } = await import("./lib/log-scrub");
    installConsoleScrub();
    const { startUp } = await import("./lib/startup");
    await startUp();
  }
}
