import { tokenFor } from "../e2e/support/server";

export type EndpointId =
  | "liveness"
  | "readiness"
  | "me"
  | "settings_get"
  | "settings_post"
  | "token";

export type Target = {
  method: "GET" | "POST";
  path: string;
  headers?: Record<string, string>;
  body?: string;
};

export type Targets = Partial<Record<EndpointId, Target>>;

export const ENDPOINTS: { id: EndpointId; label: string }[] = [
  { id: "liveness", label: "liveness `GET /health`" },
  { id: "readiness", label: "readiness `GET /health/ready`" },
  { id: "me", label: "`GET /api/v1/auth/me`" },
  { id: "settings_get", label: "settings `GET /api/v1/settings`" },
  { id: "settings_post", label: "settings `POST /api/v1/settings`" },
  { id: "token", label: "token `POST /api/v1/auth/token`" },
];

// Every system's persona holds exactly these settings, so every settings
// read returns the same body; the measured write sets one of them to the
// value it already has.
export const PERSONA_CONFIG = {
  target_subreddits: ["test", "bottest"],
  auto_posting_enabled: false,
  max_posts_per_day: 5,
};

const LOGIN_FORM = "username=admin&password=changeme123";

type Persona = { id: string; name: string };

async function call(url: string, init: RequestInit): Promise<unknown> {
  const response = await fetch(url, init);
  const body = await response.json();
  if (!response.ok) {
    throw new Error(`${init.method ?? "GET"} ${url}: ${response.status} ${JSON.stringify(body)}`);
  }

  return body;
}

function settingBody(personaId: string, key: string, value: unknown) {
  return JSON.stringify({ persona_id: personaId, key, value });
}

// Logs in, finds the seeded "default" persona and gives it PERSONA_CONFIG.
// agent-console also gets a throwaway persona for the measured writes; the
// FastAPI service has no endpoint to create one, so its writes go to its
// "default" persona (in a database that run.sh deletes on exit).
export async function prepareApi(url: string, throwaway: boolean): Promise<Targets> {
  const token = await tokenFor(url);
  const auth = { authorization: `Bearer ${token}` };
  const json = { ...auth, "content-type": "application/json" };
  const listed = await call(`${url}/api/v1/personas`, { headers: auth });
  const personas = (Array.isArray(listed) ? listed : (listed as { personas: Persona[] }).personas);
  const persona = (personas as Persona[]).find((candidate) => candidate.name === "default");
  if (!persona) {
    throw new Error(`${url} has no "default" persona`);
  }

  for (const [key, value] of Object.entries(PERSONA_CONFIG)) {
    await call(`${url}/api/v1/settings`, {
      method: "POST",
      headers: json,
      body: settingBody(persona.id, key, value),
    });
  }

  let writeTo = persona.id;
  if (throwaway) {
    const created = await call(`${url}/api/v1/personas`, {
      method: "POST",
      headers: json,
      body: JSON.stringify({ name: `bench-${Date.now()}`, description: "benchmark writes" }),
    });
    writeTo = (created as Persona).id;
  }

  return {
    liveness: { method: "GET", path: "/health" },
    readiness: { method: "GET", path: "/health/ready" },
    me: { method: "GET", path: "/api/v1/auth/me", headers: auth },
    settings_get: {
      method: "GET",
      path: `/api/v1/settings?persona_id=${persona.id}`,
      headers: auth,
    },
    settings_post: {
      method: "POST",
      path: "/api/v1/settings",
      headers: json,
      body: settingBody(writeTo, "max_posts_per_day", PERSONA_CONFIG.max_posts_per_day),
    },
    token: {
      method: "POST",
      path: "/api/v1/auth/token",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: LOGIN_FORM,
    },
  };
}

// The floor answers the two comparisons that matter: a constant body (against
// liveness) and one query (against the settings read).
export function floorTargets(personaId: string): Targets {
  return {
    liveness: { method: "GET", path: "/static" },
    settings_get: { method: "GET", path: `/query?persona_id=${personaId}` },
  };
}
