import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const sources = [
  "app",
  "components",
  "lib",
  "public",
  "next.config.ts",
  "postcss.config.mjs",
  "package.json",
  "tsconfig.json",
];

function newestChange(path: string): number {
  if (!existsSync(path)) {
    return 0;
  }

  const stat = statSync(path);
  if (!stat.isDirectory()) {
    return stat.mtimeMs;
  }

  return readdirSync(path).reduce((newest, entry) => {
    return Math.max(newest, newestChange(join(path, entry)));
  }, stat.mtimeMs);
}

// Builds when there is no production build yet, or when a source file changed
// since the last one; otherwise the existing build is reused.
export function ensureBuild() {
  const marker = ".next/BUILD_ID";
  const built = existsSync(marker) ? statSync(marker).mtimeMs : 0;
  const changed = Math.max(...sources.map(newestChange));
  if (built > changed) {
    return;
  }

  process.stderr.write(built ? "sources changed: rebuilding\n" : "no build yet: building\n");
  const result = spawnSync(join("node_modules", ".bin", "next"), ["build"], {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) {
    process.stderr.write("next build failed\n");
    process.exit(result.status ?? 1);
  }
}
