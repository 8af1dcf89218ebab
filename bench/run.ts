// `npm run bench`: agent-console beside the runbook's FastAPI service and a
// bare Next.js app, driven alike and interleaved, on this machine. Options in
// options.ts; what is measured and why in README's performance section.
import { randomUUID } from "node:crypto";
import { execFileSync } from "node:child_process";
import { cpus, loadavg, tmpdir } from "node:os";
import { mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ensureBuild } from "../scripts/build";
import { startStubProvider } from "../e2e/support/stub-provider";
import { floorTargets, PERSONA_CONFIG, prepareApi } from "./endpoints";
import { inspectorEnv, openInspector, readMemory } from "./inspector";
import { measureLimiter, readLimiterAfterWindow, startLimiterInstance } from "./limiter";
import { parseOptions } from "./options";
import { rssMiB, type Service } from "./processes";
import { writeReport, type Report } from "./report";
import { runRounds, runStorm, warmUp, type Running, type SystemName } from "./rounds";
import { buildFloor, seedFloorDatabase, startFloor, startPeer, startProduct } from "./systems";
import { checks, medians, type Rss } from "./targets";

const root = fileURLToPath(new URL("..", import.meta.url));
process.chdir(root);
const options = parseOptions(process.argv.slice(2), root);
const progress = (line: string) => process.stderr.write(`bench: ${line}\n`);

function machineLoad() {
  try {
    return execFileSync("uptime", { encoding: "utf8" }).trim();
  } catch {
    return `load average: ${loadavg().map((n) => n.toFixed(2)).join(", ")}`;
  }
}

const loadBefore = machineLoad();
const notes: string[] = [];
ensureBuild();
buildFloor(root);

const work = mkdtempSync(join(tmpdir(), "agent-console-bench-"));
const provider = await startStubProvider();
const context = { root, work, provider };
const services: Service[] = [];

const productInspector = await inspectorEnv();

async function startSystems(): Promise<Running[]> {
  const product = await startProduct(context, "agent-console", productInspector.env);
  services.push(product);
  const running: Running[] = [
    { name: "agent-console", service: product, targets: await prepareApi(product.url, true) },
  ];

  if (options.peer) {
    try {
      progress("starting the FastAPI service (run.sh may install Debian packages first)");
      const peer = await startPeer(context);
      services.push(peer);
      running.push({ name: "fastapi", service: peer, targets: await prepareApi(peer.url, false) });
    } catch (error) {
      notes.push(`FastAPI service left out: ${(error as Error).message.split("\n")[0]}`);
    }
  } else {
    notes.push(`FastAPI service left out (${options.quick ? "quick run" : "--no-peer"}).`);
  }

  const personaId = randomUUID();
  const database = join(work, "floor.db");
  await seedFloorDatabase(database, personaId, PERSONA_CONFIG);
  const floor = await startFloor(context, database);
  services.push(floor);
  running.push({ name: "floor", service: floor, targets: floorTargets(personaId) });

  return running;
}

async function bench(): Promise<Report> {
  progress(`limiter memory: ${options.limiterClients} distinct clients`);
  const limiterInstance = await startLimiterInstance(context, options);
  services.push(limiterInstance.service);
  const limiterBefore = await measureLimiter(limiterInstance, options);

  const systems = await startSystems();
  const rss: Partial<Record<SystemName, Rss>> = {};
  for (const { name, service } of systems) {
    rss[name] = { start: rssMiB(service.serverPid()), end: 0, peak: 0 };
  }

  progress(`systems: ${systems.map((s) => s.name).join(", ")}; warming up`);
  await warmUp(systems, options);
  const rounds = await runRounds(systems, options, progress);
  const storm = await runStorm(systems, options, progress);
  for (const { name, service } of systems) {
    const pid = service.serverPid();
    rss[name] = { ...rss[name]!, end: rssMiB(pid), peak: rssMiB(pid, "VmHWM") };
  }
  // Only now, with every figure taken, is the inspector opened.
  await openInspector(systems[0].service, productInspector.port);
  rss["agent-console"]!.afterGc = (await readMemory(root, productInspector.port)).rss;

  const limiter = await readLimiterAfterWindow(limiterInstance, limiterBefore, progress);
  const table = medians(rounds);
  const stormTable = medians(storm);
  const { outDir: _out, ...shown } = options;

  return {
    date: new Date().toISOString(),
    mode: options.quick ? "quick" : "full",
    machine: {
      cpus: cpus().length,
      cpu: cpus()[0]?.model ?? "unknown",
      node: process.version,
      loadBefore,
      loadAfter: machineLoad(),
    },
    options: shown,
    notes,
    systems: systems.map((system) => system.name),
    rounds,
    medians: table,
    storm,
    stormMedians: stormTable,
    rss,
    limiter,
    checks: checks(table, stormTable, rss["agent-console"]!, limiter),
  };
}

try {
  const report = await bench();
  const file = writeReport(report, options.outDir);
  for (const check of report.checks) {
    process.stdout.write(`${check.status.padEnd(12)} ${check.target}: ${check.measured}\n`);
  }
  process.stdout.write(`report: ${file}\n`);
} finally {
  await Promise.all(services.map((service) => service.stop()));
  await provider.close();
  rmSync(work, { recursive: true, force: true });
}
