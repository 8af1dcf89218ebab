import { tokenFor } from "./server";

type Json = Record<string, unknown>;

// Small typed calls to the admin API for tests that drive several servers.
export type Api = {
  url: string;
  token: string;
  get<T = Json>(path: string): Promise<{ status: number; body: T }>;
  post<T = Json>(path: string, body: unknown): Promise<{ status: number; body: T }>;
};

export async function adminApi(url: string, token?: string): Promise<Api> {
  const bearer = token ?? (await tokenFor(url));
  const call = async (path: string, init: RequestInit = {}) => {
    const response = await fetch(url + path, {
      ...init,
      headers: { authorization: `Bearer ${bearer}`, "content-type": "application/json" },
    });
    const text = await response.text();

    return { status: response.status, body: text ? JSON.parse(text) : {} };
  };

  return {
    url,
    token: bearer,
    get: (path) => call(path),
    post: (path, body) => call(path, { method: "POST", body: JSON.stringify(body) }),
  };
}

export async function defaultPersonaId(api: Api): Promise<string> {
  const { body } = await api.get<{ personas: { id: string; name: string }[] }>("/api/v1/personas");
  const persona = body.personas.find((entry) => entry.name === "default");
  if (!persona) {
    throw new Error("no default persona");
  }

  return persona.id;
}

export async function createPersonas(api: Api, prefix: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const { status, body } = await api.post<{ id: string }>("/api/v1/personas", {
      name: `${prefix}-${i}`,
    });
    if (status !== 201) {
      throw new Error(`creating persona ${prefix}-${i} answered ${status}`);
    }
    ids.push(body.id);
  }

  return ids;
}

export function writeSetting(api: Api, personaId: string, key: string, value: unknown) {
  return api.post("/api/v1/settings", { persona_id: personaId, key, value });
}

export async function readConfig(api: Api, personaId: string): Promise<Record<string, unknown>> {
  const { status, body } = await api.get<{ config: Record<string, unknown> }>(
    `/api/v1/settings?persona_id=${personaId}`,
  );
  if (status !== 200) {
    throw new Error(`reading settings answered ${status}`);
  }

  return body.config;
}
