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

// The first four groups of an IPv6 address, written out in full.
function ipv6Network(address: string): string {
  const [head, tail] = address.split("%")[0].split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  // An embedded IPv4 tail (::ffff:1.2.3.4) takes the room of two groups.
  const width = [...left, ...right].reduce((n, part) => n + (part.includes(".") ? 2 : 1), 0);
  const groups = tail === undefined ? left : [...left, ...Array(8 - width).fill("0"), ...right];

  return groups
    .slice(0, 4)
    .map((group) => parseInt(group, 16).toString(16))
    .join(":");
}

// Whose budget a request draws on: one per IPv4 address, one per /64 for IPv6,
// since a single host is usually handed a whole /64 and could otherwise take
// a fresh budget from each of its addresses.
export function rateLimitBucket(address: string): string {
  return isIP(address) === 6 ? `${ipv6Network(address)}::/64` : address;
}
