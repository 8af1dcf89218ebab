import { describe, expect, it } from "vitest";
import { call, callJson, login, useApi } from "./support/http";

const FIRST = "first-admin-password-1";
const SECOND = "second-admin-password-2";

const api = useApi({ ADMIN_PASSWORD: FIRST });

const changePassword = (token: string, json: unknown) =>
  callJson(api.server, "/api/v1/auth/password", { token, json });

describe("POST /api/v1/auth/password", () => {
  it.each([
    [
      "a wrong current password",
      { current_password: "not-it-at-all", new_password: SECOND },
      400,
      "Current password is incorrect",
    ],
    [
      "a new password under 12 characters",
      { current_password: FIRST, new_password: "short" },
      400,
      "at least 12",
    ],
    [
      "a new password over 72 bytes",
      { current_password: FIRST, new_password: "é".repeat(40) },
      400,
      "72 bytes",
    ],
    ["the same password again", { current_password: FIRST, new_password: FIRST }, 400, "differ"],
    ["no new password", { current_password: FIRST }, 400, "new_password"],
  ])("refuses %s and keeps the old password", async (_, json, status, words) => {
    const token = await login(api.server, "admin", FIRST);
    const answer = await changePassword(token, json);

    expect(answer.status).toBe(status);
    expect(answer.body.detail).toContain(words);
    expect((await call(api.server, "/api/v1/auth/me", { token })).status).toBe(200);
  });

  it("refuses a caller without a token", async () => {
    const response = await call(api.server, "/api/v1/auth/password", {
      json: { current_password: FIRST, new_password: SECOND },
    });

    expect(response.status).toBe(401);
  });

  it("changes the password and ends every older token", async () => {
    const older = await login(api.server, "admin", FIRST);
    const current = await login(api.server, "admin", FIRST);
    const { status, body } = await changePassword(current, {
      current_password: FIRST,
      new_password: SECOND,
    });

    expect(status).toBe(200);
    expect(body).toEqual({ username: "admin", password_changed: true });
    for (const token of [older, current]) {
      const response = await call(api.server, "/api/v1/protected/test", { token });
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ detail: "Could not validate credentials" });
    }
  });

  it("logs in with the new password and not with the old one", async () => {
    await expect(login(api.server, "admin", FIRST)).rejects.toThrow("401");
    const token = await login(api.server, "admin", SECOND);

    expect((await call(api.server, "/api/v1/auth/me", { token })).status).toBe(200);
  });

  it("refuses a login that matches a 72-byte password only in its first 72 bytes", async () => {
    const long = "p".repeat(72);
    const token = await login(api.server, "admin", SECOND);
    const changed = await changePassword(token, { current_password: SECOND, new_password: long });
    expect(changed.status).toBe(200);

    await expect(login(api.server, "admin", `${long}extra`)).rejects.toThrow("401");
    expect(await login(api.server, "admin", long)).toBeTruthy();
  });
});
