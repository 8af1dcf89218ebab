import { createServer, type Server } from "node:http";
import { freePort } from "./ports";

export type ProviderMode = "up" | "down" | "hang" | "unauthorized";

export type StubProvider = {
  url: string;
  requests: { path: string; authorization?: string }[];
  setMode(mode: ProviderMode): void;
  close(): Promise<void>;
};

// A stand-in for the LLM provider on 127.0.0.1: it answers the models listing
// that readiness asks for, and can be told to fail or never answer.
export async function startStubProvider(initial: ProviderMode = "up"): Promise<StubProvider> {
  let mode = initial;
  const requests: StubProvider["requests"] = [];
  const server: Server = createServer((req, res) => {
    requests.push({ path: req.url ?? "", authorization: req.headers.authorization });
    if (mode === "hang") {
      return;
    }

    if (mode === "down") {
      res.writeHead(502, { "content-type": "application/json" }).end('{"error":"down"}');

      return;
    }

    if (mode === "unauthorized" || req.headers.authorization !== "Bearer test-provider-key") {
      res.writeHead(401, { "content-type": "application/json" }).end('{"error":"bad key"}');

      return;
    }

    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ data: [{ id: "openai/gpt-4o-mini" }] }));
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));

  return {
    url: `http://127.0.0.1:${port}/api/v1`,
    requests,
    setMode: (next) => {
      mode = next;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export const STUB_PROVIDER_KEY = "test-provider-key";
