import { eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { agentStatus } from "@/lib/db/schema";
import { isoSeconds } from "./clock";

export const agentStates = [
  "not_started",
  "starting",
  "running",
  "paused",
  "stopped",
  "error",
] as const;

export const agentReportSchema = z.object({
  status: z.enum(agentStates, `status must be one of: ${agentStates.join(", ")}`),
});

const ROW = 1;

export async function getAgentStatus() {
  const row = await db().query.agentStatus.findFirst({ where: eq(agentStatus.id, ROW) });
  if (!row) {
    return { status: "not_started", last_activity: null };
  }

  const last = row.lastActivity === null ? null : isoSeconds(new Date(row.lastActivity));

  return { status: row.status, last_activity: last };
}

// Called by the agent itself whenever it changes state or finishes work.
export async function reportAgentStatus(status: string) {
  const now = Date.now();
  await db()
    .insert(agentStatus)
    .values({ id: ROW, status, lastActivity: now })
    .onConflictDoUpdate({ target: agentStatus.id, set: { status, lastActivity: now } });

  return getAgentStatus();
}
