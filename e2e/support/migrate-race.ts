// Run by tests as a child process: waits for the instant in START_AT (ms since
// the epoch), then migrates and seeds DATABASE_URL as `npm start` does, so that
// several children hit a fresh database at the same moment.
import { migrateDatabase } from "@/lib/db/migrate";
import { seedAdmin, seedDefaultPersona } from "@/lib/db/seed";

const startAt = Number(process.env.START_AT);
while (Date.now() < startAt) {
  // Spin rather than sleep: timers would add a few ms of jitter.
}

try {
  await migrateDatabase();
  await seedAdmin();
  await seedDefaultPersona();
  process.exit(0);
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
}
