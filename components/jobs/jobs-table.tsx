"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useWorkspaceRoutes } from "@/components/shell/use-workspace-routes";
import { cn } from "@/components/ui/cn";
import { CopyButton } from "@/components/ui/copy-button";
import { formatCost, formatMediaDuration } from "@/components/ui/format";
import { RelativeTime } from "@/components/ui/relative-time";
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
import type { SerializedJob } from "@/lib/jobs/types";
import { JOB_COLUMNS } from "./job-columns";
import { JobProgress } from "./job-progress";
import { StatusChip } from "./status-chip";
import { PRODUCT_LABELS } from "./status-style";
import { StuckBadge } from "./stuck-badge";
import { useStuckCountFollowsBadges } from "./use-stuck-count-follows-badges";

export interface JobsTableProps {
  jobs: SerializedJob[];
  /** True while a new page loads behind the current one. */
  stale?: boolean;
}

/** The list of jobs. A row opens its job on click; the id link does the same from the keyboard. */
export function JobsTable({ jobs, stale }: JobsTableProps) {
  const router = useRouter();
  const routes = useWorkspaceRoutes();
  useStuckCountFollowsBadges(jobs);

  return (
    <div aria-busy={stale || undefined} className={cn("transition-opacity", stale && "opacity-60")}>
      <Table aria-label="Jobs">
        <TableHead>
          <tr>
            {JOB_COLUMNS.map((column) => (
              <TableHeaderCell
                key={column}
                className={cn(
                  "px-3 first:pl-4 last:pr-4",
                  (column === "Duration" || column === "Cost") && "text-right",
                )}
              >
                {column}
              </TableHeaderCell>
            ))}
          </tr>
        </TableHead>
        <TableBody>
          {jobs.map((job) => (
            <TableRow
              key={job.id}
              data-testid="job-row"
              data-job-id={job.id}
              onOpen={() => router.push(routes.job(job.id))}
              className="group has-[a:focus-visible]:bg-subtle"
            >
              <TableRowHeaderCell className="py-2.5 pr-3 pl-4">
                <div className="flex items-center gap-1">
                  <Link href={routes.job(job.id)} className={TABLE_ROW_LINK}>
                    {job.id}
                  </Link>
                  <CopyButton
                    value={job.id}
                    label={`Copy job id ${job.id}`}
                    variant="ghost"
                    className="size-7 text-muted opacity-0 group-hover:opacity-100 focus-visible:opacity-100"
                  />
                </div>
              </TableRowHeaderCell>
              <TableCell className="px-3 whitespace-nowrap">{PRODUCT_LABELS[job.apiProduct]}</TableCell>
              <TableCell className="px-3">
                <div className="flex flex-wrap items-center gap-1">
                  <StatusChip status={job.status} state={job.state} />
                  <StuckBadge expectation={job.expectation} />
                </div>
              </TableCell>
              <TableCell className="px-3">
                <JobProgress {...job.progress} status={job.status} state={job.state} className="w-28" />
              </TableCell>
              <TableCell className="px-3 whitespace-nowrap text-subtle">
                <RelativeTime iso={job.createdAt} style="narrow" />
              </TableCell>
              <TableCell className="px-3 whitespace-nowrap text-subtle">
                <RelativeTime iso={job.updatedAt} style="narrow" />
              </TableCell>
              <TableCell className="px-3 text-right whitespace-nowrap tabular-nums">
                {formatMediaDuration(job.duration)}
              </TableCell>
              <TableCell className="pr-4 pl-3 text-right font-mono text-ui whitespace-nowrap tabular-nums">
                {formatCost(job.cost)}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
