/** A TCP relay to PostgreSQL that chaos/pg-faults.ts cuts for a full outage. */
import net from "node:net";

/** A TCP relay to PostgreSQL that can be cut (every socket reset, new ones closed) and restored. */
export async function startRelay(
  target: URL,
): Promise<{ port: number; cut(): void; restore(): void; close(): Promise<void> }> {
  let open = true;
  const sockets = new Set<net.Socket>();
  const track = (s: net.Socket) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
    s.on("error", () => s.destroy());
  };
  const server = net.createServer((client) => {
    track(client);
    if (!open) return void client.destroy();
    const up = net.connect(Number(target.port || 5432), target.hostname);
    track(up);
    client.pipe(up);
    up.pipe(client);
    client.on("close", () => up.destroy());
    up.on("close", () => client.destroy());
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    port: (server.address() as net.AddressInfo).port,
    cut: () => {
      open = false;
      for (const s of sockets) s.resetAndDestroy();
    },
    restore: () => {
      open = true;
    },
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}
