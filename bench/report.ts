import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ENDPOINTS, type EndpointId } from "./endpoints";
import type { LimiterReport } from "./limiter";
import type { Sample } from "./load";
import type { Options } from "./options";
import type { SystemName, Table } from "./rounds";
import { ratio, type Check, type Medians, type Rss } from "./targets";

export type Report = {
  date: string;
  mode: "full" | "quick";
  machine: { cpus: number; cpu: string; node: string; loadBefore: string; loadAfter: string };
  options: Omit<Options, "outDir">;
  notes: string[];
  systems: SystemName[];
  rounds: Table;
  medians: Medians;
  storm: Table;
  stormMedians: Medians;
  rss: Partial<Record<SystemName, Rss>>;
  limiter?: LimiterReport;
  checks: Check[];
};

type Cell = string | number;

const QUICK = "**Quick run: a smoke test, not figures to quote.** ";

const LABEL: Record<SystemName, string> = {
  "agent-console": "agent-console",
  fastapi: "FastAPI (runbook stack)",
  floor: "Next.js floor",
};

function table(head: string[], rows: Cell[][]) {
  const line = (cells: Cell[]) => `| ${cells.join(" | ")} |`;

  return [line(head), line(head.map(() => "---")), ...rows.map(line)].join("\n");
}

function requestsTable(report: Report) {
  const rows = ENDPOINTS.flatMap(({ id, label }) => {
    return report.systems.flatMap((system) => {
      const s = report.medians[system]?.[id];

      return s ? [[label, LABEL[system], s.rps, s.p50, s.p99, s.errors]] : [];
    });
  });

  return table(["Endpoint", "System", "req/s", "p50 ms", "p99 ms", "errors"], rows);
}

function comparison(what: string, against: string, ours?: Sample, theirs?: Sample): Cell[][] {
  if (!ours || !theirs) {
    return [];
  }

  return [[what, against, `${ratio(ours.rps, theirs.rps)}x`, `${ours.p99} / ${theirs.p99}`]];
}

function ratiosTable(report: Report) {
  const ours = report.medians["agent-console"] ?? {};
  const peer = report.medians.fastapi ?? {};
  const floor = report.medians.floor ?? {};
  const rows = [
    ...ENDPOINTS.flatMap(({ id, label }) => comparison(label, "FastAPI", ours[id], peer[id])),
    ...comparison("liveness", "floor: bare handler", ours.liveness, floor.liveness),
    ...comparison("settings GET", "floor: one query", ours.settings_get, floor.settings_get),
  ];

  return table(["agent-console", "against", "req/s ratio", "p99 ms, ours / theirs"], rows);
}

function stormTable(report: Report) {
  const rows = report.systems.flatMap((system) => {
    const during = report.stormMedians[system];

    return (["liveness", "settings_get"] as EndpointId[]).flatMap((id) => {
      const before = report.medians[system]?.[id];
      const storm = during?.[id];
      if (!before || !storm) {
        return [];
      }

      const logins = during?.token?.rps ?? "-";

      return [[LABEL[system], id, before.p99, storm.p99, before.rps, storm.rps, logins]];
    });
  });
  const head = ["System", "Endpoint", "p99 ms before", "p99 ms during", "req/s before"];

  return table([...head, "req/s during", "logins/s"], rows);
}

function limiterSection(limiter: LimiterReport) {
  const delay = limiter.afterWindowDelaySeconds ?? "?";
  const later = `${delay} s later (window ${limiter.windowSeconds} s)`;
  const phases = [
    ["before the clients", limiter.before],
    [`after ${limiter.clients} distinct clients`, limiter.after],
    [later, limiter.afterWindow],
  ] as const;
  const rows = phases.flatMap(([label, m]) => (m ? [[label, m.heapUsed, m.rss]] : []));
  const codes = Object.entries(limiter.statusCodes).map(([code, count]) => `${count} x ${code}`);
  const expired =
    limiter.seconds > limiter.windowSeconds
      ? ` Sending took longer than the window, so the first clients' entries had already ` +
        "expired when memory was read after them."
      : "";

  return [
    `Rate limiter: ${limiter.clients} distinct clients in ${limiter.seconds} s, through a ` +
      "trusted proxy (X-Forwarded-For), one request each to `GET /api/v1/auth/me` " +
      `(answers: ${codes.join(", ")}), on a separate instance. Heap read through the ` +
      `inspector after a full garbage collection.${expired}`,
    "",
    table(["Rate limiter instance", "heap used (MB)", "RSS (MB)"], rows),
  ].join("\n");
}

function memorySection(report: Report) {
  const rows = report.systems.flatMap((system) => {
    const rss = report.rss[system];

    return rss ? [[LABEL[system], rss.start, rss.end, rss.peak, rss.afterGc ?? "-"]] : [];
  });
  const head = ["System", "RSS at start (MB)", "after the run", "peak", "after a full GC"];
  const rss = table(head, rows);

  return report.limiter ? `${rss}\n\n${limiterSection(report.limiter)}` : rss;
}

function header(report: Report) {
  const { machine, options } = report;
  const quick = report.mode === "quick" ? QUICK : "";

  return [
    `# agent-console benchmark, ${report.date.slice(0, 10)}`,
    "",
    `${quick}Run ${report.date}; ${machine.cpus} x ${machine.cpu}; Node ${machine.node}.`,
    `Machine load before: \`${machine.loadBefore}\`; after: \`${machine.loadAfter}\`.`,
    "",
    `autocannon on 127.0.0.1, ${options.connections} connections for ${options.seconds} s per ` +
      `measurement (token endpoint: ${options.tokenConnections} for ${options.tokenSeconds} s), ` +
      `each figure the median of ${options.rounds} interleaved rounds; latencies in whole ms.`,
    ...report.notes.map((note) => `- ${note}`),
  ];
}

export function markdown(report: Report) {
  const checks = report.checks.map((c) => [c.target, c.measured, c.status]);

  return [
    ...header(report),
    "",
    "## Targets",
    "",
    table(["Target", "Measured", "Status"], checks),
    "",
    "## Requests",
    "",
    "The floor serves two routes: a constant JSON body in the liveness rows, and one " +
      "SQLite query through @libsql/client and drizzle in the settings GET rows.",
    "",
    requestsTable(report),
    "",
    "## Ratios",
    "",
    ratiosTable(report),
    "",
    `## Login storm (${report.options.stormConnections} clients on the token endpoint)`,
    "",
    stormTable(report),
    "",
    "## Memory",
    "",
    memorySection(report),
    "",
  ].join("\n");
}

export function writeReport(report: Report, outDir: string) {
  mkdirSync(outDir, { recursive: true });
  const day = report.date.slice(0, 10);
  const text = markdown(report);
  writeFileSync(join(outDir, `${day}.md`), text);
  writeFileSync(join(outDir, `${day}.json`), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(join(outDir, "latest.md"), text);

  return join(outDir, `${day}.md`);
}
