import { describe, expect, it } from "vitest";
import { call, callJson, useApi } from "./support/http";

const api = useApi();

describe("POST /api/v1/agent/status", () => {
  it("starts from not_started with no activity", async () => {
    const { body } = await callJson(api.server, "/api/v1/health/agent");

    expect(body).toEqual({ status: "not_started", last_activity: null });
  });

  it("records the reported state, which /health/agent then shows", async () => {
    const before = Date.now();
    const report = await callJson(api.server, "/api/v1/agent/status", {
      token: api.token,
      json: { status: "running" },
    });
    const { status, body } = await callJson(api.server, "/health/agent");

    expect(report.status).toBe(200);
    expect(report.body).toEqual(body);
    expect(status).toBe(200);
    expect(body.status).toBe("running");
    expect(body.last_activity).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(Date.parse(body.last_activity)).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
  });

  it("shows the latest report under /api/v1/health/agent too", async () => {
    await callJson(api.server, "/api/v1/agent/status", {
      token: api.token,
      json: { status: "paused" },
    });

    expect((await callJson(api.server, "/api/v1/health/agent")).body.status).toBe("paused");
  });

  it.each([
    [{ status: "sleeping" }, "status must be one of: not_started, starting, running"],
    [{ status: 1 }, "status must be one of"],
    [{}, "status must be one of"],
    [null, "expected object, received null"],
    [[], "expected object, received array"],
  ])("refuses the report %j with a 400 saying why", async (json, words) => {
    const { status, body } = await callJson(api.server, "/api/v1/agent/status", {
      token: api.token,
      body: JSON.stringify(json),
      headers: { "content-type": "application/json" },
    });

    expect(status).toBe(400);
    expect(body.detail).toContain(words);
  });

  it("keeps the last good state after a refused report", async () => {
    await callJson(api.server, "/api/v1/agent/status", {
      token: api.token,
      json: { status: "stopped" },
    });
    await callJson(api.server, "/api/v1/agent/status", {
      token: api.token,
      json: { status: "bogus" },
    });

    expect((await callJson(api.server, "/health/agent")).body.status).toBe("stopped");
  });

  it("refuses a report without a token", async () => {
    const response = await call(api.server, "/api/v1/agent/status", { json: { status: "error" } });

    expect(response.status).toBe(401);
    expect((await callJson(api.server, "/health/agent")).body.status).not.toBe("error");
  });
});
