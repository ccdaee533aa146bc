"use client";

import Link from "next/link";
import { ChartCard } from "@/components/charts/chart-card";
import { CHART_COLORS } from "@/components/charts/chart-colors";
import { DataTable } from "@/components/charts/data-table";
import { useWorkspaceRoutes } from "@/components/shell/use-workspace-routes";
import type { EndpointHealth } from "@/lib/insight/types";
import { formatDuration, formatPercent } from "./format-overview";

/** How many deliveries an endpoint's figures cover: every status is one of the four. */
const samplesOf = (endpoint: EndpointHealth) => endpoint.succeeded + endpoint.failed + endpoint.pending;

/** What a busy endpoint's figures are of: its newest deliveries in the range (lib/insight/get-delivery-health.ts). */
const sampleNote = (endpoint: EndpointHealth) =>
  endpoint.sampled ? ` · newest ${samplesOf(endpoint).toLocaleString("en-US")}` : "";

/** Per endpoint: the share of deliveries that succeeded, and how long they took to. */
export function DeliveryHealthCard({ endpoints }: { endpoints: EndpointHealth[] }) {
  const routes = useWorkspaceRoutes();
  return (
    <ChartCard
      title="Webhook deliveries"
      description="Per endpoint: success rate, and time from enqueueing to success (retries included)"
      chart={
        endpoints.length === 0 ? (
          <p className="py-8 text-center text-sm text-subtle">
            No webhook endpoints yet.{" "}
            <Link href={routes.webhooks} className="link">
              Add one in Settings
            </Link>
            .
          </p>
        ) : (
          <ul className="space-y-3">
            {endpoints.map((endpoint) => (
              <li key={endpoint.endpointId} className="space-y-1">
                <div className="flex items-baseline justify-between gap-3 text-ui">
                  <Link href={routes.endpoint(endpoint.endpointId)} className="link truncate font-mono">
                    {endpoint.url}
                  </Link>
                  <span className="shrink-0 text-subtle tabular-nums">
                    {formatPercent(endpoint.successRate)} · p95 {formatDuration(endpoint.p95Ms)}
                    {sampleNote(endpoint)}
                    {!endpoint.enabled && " · disabled"}
                  </span>
                </div>
                <svg
                  viewBox="0 0 100 4"
                  preserveAspectRatio="none"
                  aria-hidden="true"
                  className="h-2 w-full rounded-full"
                >
                  <rect width={100} height={4} fill={CHART_COLORS.grid} />
                  <rect
                    width={(endpoint.successRate ?? 0) * 100}
                    height={4}
                    fill={endpoint.successRate === null ? CHART_COLORS.grid : CHART_COLORS.success}
                  />
                </svg>
              </li>
            ))}
          </ul>
        )
      }
      table={
        <DataTable
          caption="Webhook deliveries"
          columns={["Endpoint", "Succeeded", "Failed", "Pending", "Success rate", "p50", "p95"]}
          rows={endpoints.map((endpoint) => ({
            key: endpoint.endpointId,
            cells: [
              `${endpoint.url}${endpoint.sampled ? ` (newest ${samplesOf(endpoint).toLocaleString("en-US")})` : ""}`,
              endpoint.succeeded,
              endpoint.failed,
              endpoint.pending,
              formatPercent(endpoint.successRate),
              formatDuration(endpoint.p50Ms),
              formatDuration(endpoint.p95Ms),
            ],
          }))}
        />
      }
    />
  );
}
