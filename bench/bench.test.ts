import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENDPOINTS } from "./endpoints";
import { median } from "./load";
import type { Report } from "./report";

const run = promisify(execFile);
let out: string;
let report: Report;
let markdown: string;

// One quick run of the real command; the assertions are about the report it
// leaves, never about speed (the targets live in the full run).
beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), "agent-console-bench-test-"));
  await run("npm", ["run", "--silent", "bench", "--", "--quick", "--out", out], {
    timeout: 280_000,
  });
  const json = readdirSync(out).find((name) => name.endsWith(".json"))!;
  report = JSON.parse(readFileSync(join(out, json), "utf8"));
  markdown = readFileSync(join(out, "latest.md"), "utf8");
}, 300_000);

afterAll(() => {
  rmSync(out, { recursive: true, force: true });
});

describe("npm run bench -- --quick", () => {
  it("writes the Markdown table, a dated copy and the raw figures as JSON", () => {
    const day = report.date.slice(0, 10);

    expect(readFileSync(join(out, `${day}.md`), "utf8")).toBe(markdown);
    expect(markdown).toContain("## Targets");
    expect(markdown).toMatch(/\| liveness `GET \/health` \| agent-console \| \d/);
  });

  it("measures every agent-console endpoint and both floor routes without errors", () => {
    for (const { id } of ENDPOINTS) {
      expect(report.medians["agent-console"]?.[id], id).toMatchObject({ errors: 0 });
      // A busy machine may complete no login in one short round, but not in all three.
      const best = Math.max(...report.rounds["agent-console"]![id]!.map((s) => s.rps));
      expect(best, id).toBeGreaterThan(0);
    }
    for (const id of ["liveness", "settings_get"] as const) {
      expect(report.medians.floor?.[id], id).toMatchObject({ errors: 0 });
      expect(report.medians.floor?.[id]?.rps, id).toBeGreaterThan(0);
    }
  });

  it("takes every figure as the median of at least three rounds", () => {
    for (const [system, row] of Object.entries(report.rounds)) {
      for (const [id, samples] of Object.entries(row)) {
        const shown = report.medians[system as keyof Report["medians"]]!;

        expect(samples.length).toBeGreaterThanOrEqual(3);
        expect(shown[id as keyof typeof shown]!.rps).toBe(median(samples.map((s) => s.rps)));
      }
    }
  });

  it("reports latencies that are finite and ordered", () => {
    for (const row of Object.values(report.medians)) {
      for (const sample of Object.values(row)) {
        expect(sample.p50).toBeGreaterThanOrEqual(0);
        expect(sample.p99).toBeGreaterThanOrEqual(sample.p50);
        expect(sample.p99).toBeLessThan(10_000);
      }
    }
  });

  it("says that it left the FastAPI service out", () => {
    expect(report.notes.join("\n")).toContain("FastAPI service left out");
    expect(report.medians.fastapi).toBeUndefined();
    expect(markdown).toContain("FastAPI service left out");
  });

  it("measures liveness and the settings read during a login storm", () => {
    const storm = report.stormMedians["agent-console"];

    expect(storm?.liveness?.rps).toBeGreaterThan(0);
    expect(storm?.settings_get?.rps).toBeGreaterThan(0);
    expect(storm?.token?.errors).toBe(0);
  });

  it("reads the server's RSS at start, after the run and after a full GC", () => {
    const rss = report.rss["agent-console"]!;

    expect(rss.start).toBeGreaterThan(20);
    expect(rss.end).toBeGreaterThan(20);
    expect(rss.peak).toBeGreaterThanOrEqual(rss.end);
    expect(rss.afterGc).toBeGreaterThan(20);
  });

  it("sends every distinct client of the limiter phase to a limited route", () => {
    const limiter = report.limiter!;

    expect(limiter.statusCodes).toEqual({ 401: limiter.clients });
    expect(limiter.after.heapUsed).toBeGreaterThan(0);
    expect(limiter.afterWindow?.heapUsed).toBeGreaterThan(0);
  });

  it("marks every target met, missed or not measured", () => {
    expect(report.checks).toHaveLength(ENDPOINTS.length + 5);
    for (const check of report.checks) {
      expect(["met", "missed", "not measured"]).toContain(check.status);
    }
    expect(markdown.match(/\| (met|missed|not measured) \|/g)).toHaveLength(report.checks.length);
  });
});
