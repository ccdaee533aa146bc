"use client";

import Link from "next/link";
import { useWorkspaceRoutes } from "@/components/shell/use-workspace-routes";
import { RelativeTime } from "@/components/ui/relative-time";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import type { DeliveryView } from "@/lib/delivery/types";
import { DeliveryStatusChip } from "./delivery-status-chip";
import { StatusCodeBadge } from "./status-code-badge";

export interface DeliveriesTableProps {
  deliveries: DeliveryView[];
  /** The endpoint's log names the job; a job's list names the endpoint. */
  subject: "job" | "endpoint";
  onSelect: (deliveryId: string) => void;
}

const LINK =
  "rounded-sm font-mono text-ui text-emphasis hover:text-brand focus-visible:outline-2 focus-visible:outline-focus";

/** Deliveries, newest first. A row opens its attempts; the time button does the same from the keyboard. */
export function DeliveriesTable({ deliveries, subject, onSelect }: DeliveriesTableProps) {
  const routes = useWorkspaceRoutes();
  return (
    <Table aria-label="Deliveries">
      <TableHead>
        <tr>
          <TableHeaderCell>Time</TableHeaderCell>
          <TableHeaderCell>Event</TableHeaderCell>
          <TableHeaderCell>{subject === "job" ? "Job" : "Endpoint"}</TableHeaderCell>
          <TableHeaderCell>Status</TableHeaderCell>
          <TableHeaderCell className="text-right">Attempts</TableHeaderCell>
          <TableHeaderCell>Last code</TableHeaderCell>
          <TableHeaderCell>Next retry</TableHeaderCell>
        </tr>
      </TableHead>
      <TableBody>
        {deliveries.map((delivery) => (
          <TableRow
            key={delivery.id}
            data-testid="delivery-row"
            data-delivery-id={delivery.id}
            onOpen={() => onSelect(delivery.id)}
          >
            <TableCell className="py-2.5 whitespace-nowrap">
              <button
                type="button"
                onClick={() => onSelect(delivery.id)}
                className="rounded-sm text-default hover:text-brand focus-visible:outline-2 focus-visible:outline-focus"
              >
                {/* The name starts with what the button shows (WCAG 2.5.3: speech users say "click 5m ago"). */}
                <RelativeTime iso={delivery.createdAt} style="narrow" />
                <span className="sr-only">
                  : show the attempts of the {delivery.eventType} delivery for {delivery.job.id}
                </span>
              </button>
            </TableCell>
            <TableCell className="py-2.5 font-mono text-ui whitespace-nowrap text-emphasis">
              {delivery.eventType}
            </TableCell>
            <TableCell className="max-w-64 truncate py-2.5">
              {subject === "job" ? (
                <Link href={routes.job(delivery.job.id)} className={LINK}>
                  {delivery.job.id}
                </Link>
              ) : (
                <Link href={routes.endpoint(delivery.endpointId)} className={LINK} title={delivery.endpointUrl}>
                  {delivery.endpointUrl}
                </Link>
              )}
            </TableCell>
            <TableCell className="py-2.5">
              <DeliveryStatusChip delivery={delivery} />
            </TableCell>
            <TableCell className="py-2.5 text-right tabular-nums" data-testid="delivery-attempts">
              {delivery.attemptCount}
            </TableCell>
            <TableCell className="py-2.5">
              {delivery.attemptCount > 0 ? (
                <StatusCodeBadge statusCode={delivery.lastStatusCode} />
              ) : (
                <span className="text-muted">—</span>
              )}
            </TableCell>
            <TableCell className="py-2.5 whitespace-nowrap text-subtle">
              {delivery.nextAttemptAt && delivery.attemptCount > 0 ? (
                <RelativeTime iso={delivery.nextAttemptAt} style="narrow" />
              ) : (
                "—"
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
