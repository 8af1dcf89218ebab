import { isIP, type BlockList } from "node:net";
import type { IncomingMessage } from "node:http";

function plain(address: string) {
  return address.startsWith("::ffff:") ? address.slice(7) : address;
}

function trusted(address: string, proxies: BlockList) {
  const family = isIP(address);

  return family !== 0 && proxies.check(address, family === 6 ? "ipv6" : "ipv4");
}

// The socket's peer, unless that peer is a trusted proxy: then the nearest
// X-Forwarded-For hop that is not itself a trusted proxy. A client can put
// anything in that header, so it is only believed through proxies we know.
export function clientAddress(req: IncomingMessage, proxies: BlockList | null): string {
  const peer = plain(req.socket.remoteAddress ?? "unknown");
  if (!proxies || !trusted(peer, proxies)) {
    return peer;
  }

  const header = req.headers["x-forwarded-for"];
  const hops = (Array.isArray(header) ? header.join(",") : (header ?? "")).split(",");
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = plain(hops[i].trim());
    if (isIP(hop) === 0) {
      return peer;
    }

    if (!trusted(hop, proxies)) {
      return hop;
    }
  }

  return peer;
}
