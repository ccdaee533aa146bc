"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { LoadError } from "@/components/load-error";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { formatExact } from "@/components/ui/format";
import { ShieldIcon } from "@/components/ui/icons";
import { Label } from "@/components/ui/label";
import { RelativeTime } from "@/components/ui/relative-time";
import { Select } from "@/components/ui/select";
import { SkeletonRows } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { AUDIT_ACTIONS } from "@/lib/audit/types";
import { describeEntryDetails } from "./describe-entry";
import { type AuditFilters, auditActorsQuery, auditLogQuery } from "./queries";

/** Settings → Audit log: who did what to the workspace's security, newest first, filtered by actor and action. */
export function AuditLogView() {
  const [filters, setFilters] = useState<AuditFilters>({ actor: "", action: "" });
  const log = useInfiniteQuery(auditLogQuery(filters));
  const actors = useQuery(auditActorsQuery());
  const actorId = useId();
  const actionId = useId();
  const entries = log.data?.pages.flatMap((page) => page.data) ?? [];

  let body;
  if (log.isError) {
    body = (
      <LoadError
        title="Could not load the audit log"
        message={log.error.message}
        onRetry={() => void log.refetch()}
        retrying={log.isFetching}
      />
    );
  } else if (!log.data) {
    body = <SkeletonRows count={4} rowClassName="h-10" />;
  } else if (entries.length === 0) {
    body = (
      <EmptyState
        icon={<ShieldIcon className="size-5" />}
        title={filters.actor || filters.action ? "Nothing matches these filters" : "Nothing recorded yet"}
        description="Connection changes, secrets revealed or rotated, endpoints, API keys, replays and members appear here as they happen."
      />
    );
  } else {
    body = (
      <div className="space-y-4">
        <Table aria-label="Audit log">
          <TableHead>
            <tr>
              <TableHeaderCell>When</TableHeaderCell>
              <TableHeaderCell>Who</TableHeaderCell>
              <TableHeaderCell>What</TableHeaderCell>
              <TableHeaderCell>On</TableHeaderCell>
            </tr>
          </TableHead>
          <TableBody>
            {entries.map((entry) => {
              const details = describeEntryDetails(entry);
              return (
                <TableRow key={entry.id} data-testid="audit-entry">
                  <TableCell className="whitespace-nowrap" title={formatExact(entry.createdAt)}>
                    <RelativeTime iso={entry.createdAt} />
                  </TableCell>
                  <TableCell className="max-w-56 truncate">{entry.actor.email}</TableCell>
                  <TableCell>
                    <span className="block font-medium text-emphasis">
                      {AUDIT_ACTIONS[entry.action] ?? entry.action}
                    </span>
                    {details && <span className="block text-xs text-subtle">{details}</span>}
                  </TableCell>
                  <TableCell className="max-w-72 truncate" title={entry.target?.label ?? undefined}>
                    {entry.target?.label ?? <span className="text-muted">—</span>}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
        {log.hasNextPage && (
          <Button variant="secondary" onClick={() => void log.fetchNextPage()} loading={log.isFetchingNextPage}>
            Load older entries
          </Button>
        )}
      </div>
    );
  }

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap gap-4">
        <div className="w-64 space-y-1.5">
          <Label htmlFor={actorId}>Actor</Label>
          <Select
            id={actorId}
            value={filters.actor}
            onChange={(event) => setFilters({ ...filters, actor: event.target.value })}
          >
            <option value="">Everyone</option>
            {actors.data?.actors.map((actor) => (
              <option key={actor.id} value={actor.id}>
                {actor.email}
              </option>
            ))}
          </Select>
        </div>
        <div className="w-64 space-y-1.5">
          <Label htmlFor={actionId}>Action</Label>
          <Select
            id={actionId}
            value={filters.action}
            onChange={(event) => setFilters({ ...filters, action: event.target.value })}
          >
            <option value="">Every action</option>
            {Object.entries(AUDIT_ACTIONS).map(([action, label]) => (
              <option key={action} value={action}>
                {label}
              </option>
            ))}
          </Select>
        </div>
      </div>
      {body}
    </div>
  );
}
