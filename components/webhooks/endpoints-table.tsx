"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import type { MouseEvent } from "react";
import { ChevronRightIcon } from "@/components/jobs/job-icons";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import type { WebhookEndpointView } from "@/lib/webhook-endpoints/serialize-endpoint";
import { endpointHref } from "./endpoint-href";
import { EndpointStatusBadge } from "./endpoint-status-badge";
import { SuccessRate } from "./success-rate";

/** The workspace's endpoints. A row opens its endpoint; the URL link does the same from the keyboard. */
export function EndpointsTable({ endpoints }: { endpoints: WebhookEndpointView[] }) {
  const router = useRouter();

  function openRow(event: MouseEvent, endpointId: string) {
    if ((event.target as HTMLElement).closest("a, button") || window.getSelection()?.toString()) return;
    router.push(endpointHref(endpointId));
  }

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
          <TableRow key={endpoint.id} data-testid="endpoint-row" onClick={(event) => openRow(event, endpoint.id)} className="cursor-pointer">
            <TableCell className="max-w-md">
              <Link
                href={endpointHref(endpoint.id)}
                className="block truncate rounded-sm font-mono text-[13px] font-medium text-zinc-900 hover:text-brand-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500 dark:text-zinc-100 dark:hover:text-brand-300"
              >
                {endpoint.url}
              </Link>
              {endpoint.description && <p className="mt-0.5 truncate text-[13px] text-zinc-500 dark:text-zinc-400">{endpoint.description}</p>}
            </TableCell>
            <TableCell>
              <ul className="flex max-w-xs flex-wrap gap-1" aria-label="Events">
                {endpoint.eventTypes.map((type) => (
                  <li key={type} className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-[12px] text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">
                    {type}
                  </li>
                ))}
              </ul>
            </TableCell>
            <TableCell>
              <EndpointStatusBadge endpoint={endpoint} />
              {!endpoint.enabled && endpoint.disabledReason && (
                <p className="mt-1 max-w-48 truncate text-[12px] text-zinc-500 dark:text-zinc-400" title={endpoint.disabledReason}>
                  {endpoint.disabledReason}
                </p>
              )}
            </TableCell>
            <TableCell>
              <SuccessRate stats={endpoint.stats} />
            </TableCell>
            <TableCell className="w-10 pr-4 text-right">
              <ChevronRightIcon className="inline size-4 text-zinc-400" />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
