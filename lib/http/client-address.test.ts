import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { trustedProxies } from "@/lib/config/env";
import { clientAddress, rateLimitBucket } from "./client-address";
import { acceptRequestId } from "./headers";

function request(peer: string, forwardedFor?: string) {
  const headers = forwardedFor === undefined ? {} : { "x-forwarded-for": forwardedFor };

  return { socket: { remoteAddress: peer }, headers } as unknown as IncomingMessage;
}

const proxies = trustedProxies(["127.0.0.1", "10.0.0.0/8"]);

describe("clientAddress", () => {
  it("is the socket's peer when no proxy is trusted", () => {
    expect(clientAddress(request("203.0.113.9", "198.51.100.1"), null)).toBe("203.0.113.9");
  });

  it("ignores X-Forwarded-For from a peer that is not a trusted proxy", () => {
    expect(clientAddress(request("203.0.113.9", "198.51.100.1"), proxies)).toBe("203.0.113.9");
  });

  it("takes the forwarded client from a trusted proxy", () => {
    expect(clientAddress(request("127.0.0.1", "198.51.100.1"), proxies)).toBe("198.51.100.1");
  });

  it("skips trusted hops and stops at the first untrusted one from the right", () => {
    const chain = "6.6.6.6, 198.51.100.1, 10.1.2.3";

    expect(clientAddress(request("127.0.0.1", chain), proxies)).toBe("198.51.100.1");
  });

  it("falls back to the peer when a hop is not an address", () => {
    expect(clientAddress(request("127.0.0.1", "unknown, not-an-ip"), proxies)).toBe("127.0.0.1");
  });

  it("falls back to the peer when every hop is a trusted proxy", () => {
    expect(clientAddress(request("127.0.0.1", "10.0.0.1, 10.0.0.2"), proxies)).toBe("127.0.0.1");
  });

  it("strips the IPv4-mapped IPv6 prefix", () => {
    expect(clientAddress(request("::ffff:127.0.0.1", "::ffff:198.51.100.1"), proxies)).toBe(
      "198.51.100.1",
    );
  });
});

describe("acceptRequestId", () => {
  it.each(["custom-123", "a.b:c_d", "x".repeat(128)])("keeps %s", (id) => {
    expect(acceptRequestId(id)).toBe(id);
  });

  it.each(["", "x".repeat(129), "two words", "a\nb", "a/b", "<script>", "ü"])("drops %j", (id) => {
    expect(acceptRequestId(id)).toBeUndefined();
  });

  it("drops a repeated header", () => {
    expect(acceptRequestId(["a", "b"])).toBeUndefined();
  });
});

describe("rateLimitBucket", () => {
  it.each([
    ["203.0.113.7", "203.0.113.7"],
    ["2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64"],
    ["2001:db8:1:2::1", "2001:db8:1:2::/64"],
    ["2001:0db8:0001:0002:ffff::", "2001:db8:1:2::/64"],
    ["2001:db8::1", "2001:db8:0:0::/64"],
    ["::1", "0:0:0:0::/64"],
    ["fe80::1%eth0", "fe80:0:0:0::/64"],
    ["::ffff:198.51.100.1", "0:0:0:0::/64"],
    ["unknown", "unknown"],
  ])("puts %s in the bucket %s", (address, bucket) => {
    expect(rateLimitBucket(address)).toBe(bucket);
  });

  it("gives two addresses of one IPv6 /64 the same bucket", () => {
    expect(rateLimitBucket("2001:db8:5:6::a")).toBe(rateLimitBucket("2001:db8:5:6:1:2:3:4"));
  });

  it("gives neighbouring IPv6 /64s different buckets", () => {
    expect(rateLimitBucket("2001:db8:5:6::a")).not.toBe(rateLimitBucket("2001:db8:5:7::a"));
  });
});
