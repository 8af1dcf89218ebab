import { describe, expect, it } from "vitest";
import { call, callJson, form, login, useApi } from "./support/http";

const api = useApi();

const newAdmin = (username: string) => ({ username, password: "operator-pass-123" });

describe("POST /api/v1/admins", () => {
  it("creates an admin who must change the password at first console login", async () => {
    const { status, body } = await callJson(api.server, "/api/v1/admins", {
      token: api.token,
      json: newAdmin("operator"),
    });

    expect(status).toBe(201);
    expect(body).toMatchObject({ username: "operator", must_change_password: true });
  });

  it("lists the new admin as having to change the password", async () => {
    const { body } = await callJson(api.server, "/api/v1/admins", { token: api.token });
    const admins: { username: string }[] = body.admins;
    const operator = admins.find((admin) => admin.username === "operator");

    expect(operator).toMatchObject({ must_change_password: true });
  });

  it.each(["ADMIN", "Admin", "OPERATOR"])(
    "answers 409 for %s, a taken username in other case",
    async (username) => {
      const { status, body } = await callJson(api.server, "/api/v1/admins", {
        token: api.token,
        json: newAdmin(username),
      });

      expect(status).toBe(409);
      expect(body).toEqual({ detail: `Admin '${username}' already exists` });
    },
  );
});

describe("login after the case-insensitive rule", () => {
  it("still matches the username exactly", async () => {
    const credentials = form({ username: "ADMIN", password: "changeme123" });
    const response = await call(api.server, "/api/v1/auth/token", credentials);

    expect(response.status).toBe(401);
  });

  it("logs the new admin in with the exact username", async () => {
    expect(await login(api.server, "operator", "operator-pass-123")).toMatch(/\./);
  });
});
