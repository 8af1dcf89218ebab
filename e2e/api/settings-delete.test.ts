import { describe, expect, it } from "vitest";
import { call, callJson, useApi } from "./support/http";

const api = useApi({ TARGET_SUBREDDITS: '["test", "bottest"]', AUTO_POSTING_ENABLED: "false" });

const missing = "0e2c6c1f-8c5b-4c3b-9b8e-2f1a3b4c5d6e";

const remove = (personaId: string, key: string) =>
  callJson(
    api.server,
    `/api/v1/settings?persona_id=${personaId}&key=${encodeURIComponent(key)}`,
    { method: "DELETE", token: api.token },
  );

const configOf = async (id: string) =>
  (await callJson(api.server, `/api/v1/settings?persona_id=${id}`, { token: api.token })).body
    .config;

describe("DELETE /api/v1/settings", () => {
  it("removes a stored key and leaves the others", async () => {
    const { status, body } = await remove(api.personaId, "auto_posting_enabled");

    expect(status).toBe(200);
    expect(body).toEqual({ persona_id: api.personaId, key: "auto_posting_enabled", deleted: true });
    expect(await configOf(api.personaId)).toEqual({ target_subreddits: ["test", "bottest"] });
  });

  it("answers deleted false for an allowed key that is not stored", async () => {
    const { status, body } = await remove(api.personaId, "persona_tone");

    expect(status).toBe(200);
    expect(body).toEqual({ persona_id: api.personaId, key: "persona_tone", deleted: false });
  });

  it("answers 400 for a key that is not allowed", async () => {
    const { status, body } = await remove(api.personaId, "api_secret");

    expect(status).toBe(400);
    expect(body).toEqual({ detail: "Setting key 'api_secret' is not allowed" });
  });

  it("answers 400 when the key is missing", async () => {
    const { status } = await callJson(api.server, `/api/v1/settings?persona_id=${api.personaId}`, {
      method: "DELETE",
      token: api.token,
    });

    expect(status).toBe(400);
  });

  it("answers 404 for a persona that does not exist", async () => {
    const { status, body } = await remove(missing, "persona_tone");

    expect(status).toBe(404);
    expect(body).toEqual({ detail: "Persona not found" });
  });

  it("answers 400 for a malformed persona id", async () => {
    const { status, body } = await remove("not-a-uuid", "persona_tone");

    expect(status).toBe(400);
    expect(body).toEqual({ detail: "persona_id must be a UUID" });
  });

  it("refuses a caller without a token", async () => {
    const path = `/api/v1/settings?persona_id=${api.personaId}&key=target_subreddits`;
    const response = await call(api.server, path, { method: "DELETE" });

    expect(response.status).toBe(401);
    expect(await configOf(api.personaId)).toHaveProperty("target_subreddits");
  });
});
