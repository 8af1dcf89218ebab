import type { NextConfig } from "next";

// Security headers, CSP, request ids and logging are set by the front server
// (lib/http/front-server.ts), which sees every response, including the ones
// it answers itself without Next.
const config: NextConfig = {
  poweredByHeader: false,
  serverExternalPackages: ["piscina", "ioredis", "rate-limiter-flexible"],
  experimental: {
    serverActions: { bodySizeLimit: "100kb" },
  },
};

export default config;
