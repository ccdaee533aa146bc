"use client";

import Link from "next/link";
import { useWorkspaceRoutes } from "@/components/shell/use-workspace-routes";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card, CardHeader, CardTitle } from "@/components/ui/card";
import { RelativeTime } from "@/components/ui/relative-time";
import type { AlertView } from "@/lib/alerts/types";

const STATUS: Record<AlertView["status"], { label: string; tone: BadgeTone }> = {
  pending: { label: "Pending", tone: "info" },
  sending: { label: "Sending", tone: "info" },
  sent: { label: "Sent", tone: "success" },
  failed: { label: "Not sent", tone: "danger" },
};

/** The alerts that fired, newest first, with where each went. */
export function AlertHistory({ alerts }: { alerts: AlertView[] }) {
  const routes = useWorkspaceRoutes();
  return (
    <Card>
      <CardHeader>
        <CardTitle>History</CardTitle>
      </CardHeader>
      {alerts.length === 0 ? (
        <p className="px-6 py-8 text-center text-sm text-subtle">No alert has fired yet.</p>
      ) : (
        <ul className="divide-y divide-muted" aria-label="Alert history">
          {alerts.map((alert) => (
            <li
              key={alert.id}
              data-testid="alert-row"
              className="flex flex-col gap-1 px-6 py-3 sm:flex-row sm:items-start sm:justify-between"
            >
              <div className="min-w-0">
                <Link href={`${routes.base}${alert.path}`} className="link text-sm font-medium text-emphasis">
                  {alert.title}
                </Link>
                <p className="text-ui text-subtle">{alert.detail}</p>
                {alert.lastError && <p className="text-ui text-danger">{alert.lastError}</p>}
              </div>
              <div className="flex shrink-0 items-center gap-2 text-ui text-subtle">
                <Badge tone={STATUS[alert.status].tone}>{STATUS[alert.status].label}</Badge>
                {alert.digest && <Badge tone="neutral">Digest</Badge>}
                <RelativeTime iso={alert.firedAt} style="narrow" />
              </div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
