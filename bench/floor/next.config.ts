import type { NextConfig } from "next";

// The floor runs Next's defaults; without this file Next would pick up the
// product's next.config.ts from the directory above.
const config: NextConfig = {};

export default config;
