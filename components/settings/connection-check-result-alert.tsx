import { Alert, type AlertTone } from "@/components/ui/alert";
import type { ConnectionCheck, ConnectionCheckResult } from "@/lib/workspaces/types";

const PRESENTATION: Record<ConnectionCheckResult, { tone: AlertTone; title: string }> = {
  accepted: { tone: "success", title: "Connected" },
  refused: { tone: "danger", title: "Key refused" },
  unreachable: { tone: "warning", title: "Unreachable" },
  unexpected: { tone: "warning", title: "Not the Jobs API?" },
  not_configured: { tone: "info", title: "Not configured" },
  not_allowed: { tone: "warning", title: "Base URL not allowed" },
};

/** The answer of "Test connection"; its caller puts it in a LiveRegion, which announces it. */
export function ConnectionCheckResultAlert({ check }: { check: ConnectionCheck }) {
  const { tone, title } = PRESENTATION[check.result];
  return (
    <Alert tone={tone} title={title} live={false}>
      <span data-testid="connection-check-result">{check.message}</span>
    </Alert>
  );
}
