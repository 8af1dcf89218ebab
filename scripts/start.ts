// `npm start`: prepare everything a fresh clone lacks, then serve.
//   --dev   serve with Next's development compiler instead of a production build
import { ensureBuild } from "./build";
import { loadEnvironment } from "./prepare";

const dev = process.argv.includes("--dev");
process.env.NEXT_TELEMETRY_DISABLED = "1";
process.env.NEXT_MANUAL_SIG_HANDLE = "true";
if (!dev) {
  (process.env as Record<string, string>).NODE_ENV = "production";
}

loadEnvironment();
if (!dev) {
  ensureBuild();
}

// Imported only now: these modules read the environment loaded above.
const { migrateDatabase } = await import("@/lib/db/migrate");
const { seedAdmin, seedDefaultPersona } = await import("@/lib/db/seed");
const { startFrontServer } = await import("@/lib/http/front-server");
const { captureConsole, log } = await import("@/lib/log");

captureConsole();
try {
  await migrateDatabase();
  await seedAdmin();
  await seedDefaultPersona();
  await startFrontServer({ dev });
} catch (err) {
  log().fatal({ err }, "server.start_failed");
  process.exit(1);
}
