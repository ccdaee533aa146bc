"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useWorkspaceRoutes } from "@/components/shell/use-workspace-routes";
import { cn } from "@/components/ui/cn";
import { ChevronRightIcon } from "@/components/ui/icons";
import {
  TABLE_ROW_LINK,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeaderCell,
  TableRow,
  TableRowHeaderCell,
} from "@/components/ui/table";
import type { WebhookEndpointView } from "@/lib/webhook-endpoints/types";
import { EndpointStatusBadge } from "./endpoint-status-badge";
import { SuccessRate } from "./success-rate";

/** The workspace's endpoints. A row opens its endpoint; the URL link does the same from the keyboard. */
export function EndpointsTable({ endpoints }: { endpoints: WebhookEndpointView[] }) {
  const router = useRouter();
  const routes = useWorkspaceRoutes();

  return (
    <Table aria-label="Webhook endpoints">
      <TableHead>
        <tr>
          <TableHeaderCell>Endpoint</TableHeaderCell>
          <TableHeaderCell>Events</TableHeaderCell>
          <TableHeaderCell>Status</TableHeaderCell>
          <TableHeaderCell>Success (24 h)</TableHeaderCell>
          <TableHeaderCell>
            <span className="sr-only">Open</span>
          </TableHeaderCell>
        </tr>
      </TableHead>
      <TableBody>
        {endpoints.map((endpoint) => (
          <TableRow
            key={endpoint.id}
            data-testid="endpoint-row"
            onOpen={() => router.push(routes.endpoint(endpoint.id))}
          >
            <TableRowHeaderCell className="max-w-md">
              <Link href={routes.endpoint(endpoint.id)} className={cn("block truncate", TABLE_ROW_LINK)}>
                {endpoint.url}
              </Link>
              {endpoint.description && <p className="mt-0.5 truncate text-ui text-subtle">{endpoint.description}</p>}
            </TableRowHeaderCell>
            <TableCell>
              <ul className="flex max-w-xs flex-wrap gap-1" aria-label="Events">
                {endpoint.eventTypes.map((type) => (
                  <li key={type} className="rounded bg-subtle px-1.5 py-0.5 font-mono text-caption text-default">
                    {type}
                  </li>
                ))}
              </ul>
            </TableCell>
            <TableCell>
              <EndpointStatusBadge endpoint={endpoint} />
              {!endpoint.enabled && endpoint.disabledReason && (
                <p className="mt-1 max-w-48 truncate text-caption text-subtle" title={endpoint.disabledReason}>
                  {endpoint.disabledReason}
                </p>
              )}
            </TableCell>
            <TableCell>
              <SuccessRate stats={endpoint.stats} />
            </TableCell>
            <TableCell className="w-10 pr-4 text-right">
              <ChevronRightIcon className="inline size-4 text-muted" />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
