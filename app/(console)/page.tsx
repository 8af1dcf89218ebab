import type { Metadata } from "next";
import { LiveHealth } from "@/components/overview/live-health";
import { PageHeader } from "@/components/ui/page-header";
import { requireConsoleAdmin } from "@/lib/auth/console-session";
import { withQuery, type SearchParams } from "@/lib/auth/next-path";
import { getAgentStatus } from "@/lib/health/agent";
import { isoSeconds } from "@/lib/health/clock";
import { readinessHistory } from "@/lib/health/history";
import { readiness } from "@/lib/health/readiness";

export const metadata: Metadata = { title: "Overview · agent-console" };

// The first picture comes from the service layer; the browser then asks the
// probes itself every few seconds.
type Props = { searchParams: Promise<SearchParams> };

export default async function OverviewPage({ searchParams }: Props) {
  await requireConsoleAdmin(withQuery("/", await searchParams));
  const [ready, agent] = await Promise.all([readiness(), getAgentStatus()]);
  const initial = {
    live: { ok: true, timestamp: isoSeconds() },
    ready,
    agent,
    history: readinessHistory(),
    checkedAt: new Date().toISOString(),
  };

  return (
    <>
      <PageHeader
        title="Overview"
        description="Service health and the agent, refreshed on their own."
      />
      <LiveHealth initial={initial} />
    </>
  );
}
