/** Finding 6 (issue 11): the client's address comes from the socket, or from X-Forwarded-For only as trusted proxies wrote it. */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { clientAddress, isLoopbackRequest } from "@/lib/net/client-address";
import { installPeerStamp, normalizeAddress, PEER_HEADER } from "@/lib/net/peer-address";

const h = (o: Record<string, string>) => new Headers(o);

describe("client address", () => {
  it("without a trusted proxy, ignores X-Forwarded-For and X-Real-IP entirely", () => {
    for (const forged of ["203.0.113.9", "1.1.1.1, 2.2.2.2", "127.0.0.1"]) {
      const headers = h({ [PEER_HEADER]: "198.51.100.7", "x-forwarded-for": forged, "x-real-ip": forged });
      expect(clientAddress(headers, 0)).toBe("198.51.100.7");
    }
    expect(isLoopbackRequest(h({ [PEER_HEADER]: "198.51.100.7", "x-forwarded-for": "127.0.0.1" }))).toBe(false);
  });

  it("behind N trusted proxies, takes the N-th entry from the right and ignores what the client prepended", () => {
    const peer = { [PEER_HEADER]: "10.0.0.2" };
    expect(clientAddress(h({ ...peer, "x-forwarded-for": "203.0.113.9" }), 1)).toBe("203.0.113.9");
    expect(clientAddress(h({ ...peer, "x-forwarded-for": "6.6.6.6, 203.0.113.9" }), 1)).toBe("203.0.113.9");
    expect(clientAddress(h({ ...peer, "x-forwarded-for": "6.6.6.6, 203.0.113.9, 10.0.0.1" }), 2)).toBe("203.0.113.9");
    expect(clientAddress(h({ ...peer, "x-forwarded-for": "not an address" }), 1)).toBe("unknown");
    expect(clientAddress(h(peer), 1)).toBe("10.0.0.2");
  });

  it("normalises IPv4-mapped addresses and rejects junk", () => {
    expect(normalizeAddress("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(normalizeAddress("::1")).toBe("::1");
    expect(normalizeAddress("<script>")).toBe("");
  });

  it("stamps the socket address on every request, overwriting a forged header", async () => {
    installPeerStamp();
    const server = http.createServer((req, res) => res.end(String(req.headers[PEER_HEADER])));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    try {
      const { port } = server.address() as AddressInfo;
      const res = await fetch(`http://127.0.0.1:${port}/`, {
        headers: { [PEER_HEADER]: "203.0.113.9", "x-forwarded-for": "203.0.113.9" },
      });
      expect(await res.text()).toBe("127.0.0.1");
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});
