import { agentReportSchema, reportAgentStatus } from "@/lib/health/agent";
import { apiRoute, methodNotAllowed, parseWith, requireAdmin } from "@/lib/http/api";
import { readJson } from "@/lib/http/body";

// POST /api/v1/agent/status: the agent reports its state; /health/agent shows it.
export const POST = apiRoute("default", async (request) => {
  await requireAdmin(request);
  const input = parseWith(agentReportSchema, await readJson(request));

  return reportAgentStatus(input.status);
});

const refused = methodNotAllowed(["POST"]);

export { refused as GET, refused as PUT, refused as PATCH, refused as DELETE };
