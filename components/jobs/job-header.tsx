"use client";

import Link from "next/link";
import { useWorkspaceRoutes } from "@/components/shell/use-workspace-routes";
import { Badge } from "@/components/ui/badge";
import { CopyButton } from "@/components/ui/copy-button";
import { ArrowLeftIcon } from "@/components/ui/icons";
import { RelativeTime } from "@/components/ui/relative-time";
import type { SerializedJob } from "@/lib/jobs/types";
import { LiveIndicator } from "./live-indicator";
import { StatusChip } from "./status-chip";
import { PRODUCT_LABELS } from "./status-style";
import type { LiveStatus } from "./use-live-job-updates";

function Moment({ label, iso }: { label: string; iso: string | null }) {
  return (
    <div className="flex items-baseline gap-1.5">
      <dt className="text-subtle">{label}</dt>
      <dd className="font-medium text-emphasis">{iso ? <RelativeTime iso={iso} /> : "—"}</dd>
    </div>
  );
}

export function JobHeader({ job, live }: { job: SerializedJob; live: LiveStatus }) {
  const routes = useWorkspaceRoutes();
  return (
    <header className="mb-8">
      <Link
        href={routes.jobs}
        className="mb-4 inline-flex items-center gap-1.5 rounded-sm text-sm text-subtle hover:text-emphasis focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus"
      >
        <ArrowLeftIcon className="size-4" />
        Jobs
      </Link>
      <div className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0 space-y-3">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
            <h1 className="font-mono text-xl font-semibold tracking-tight break-all text-emphasis">{job.id}</h1>
            <CopyButton value={job.id} label="Copy job id" variant="ghost" />
          </div>
          <div className="flex flex-wrap items-center gap-2">
            <StatusChip status={job.status} state={job.state} />
            <Badge tone="neutral">{PRODUCT_LABELS[job.apiProduct]}</Badge>
          </div>
        </div>
        <LiveIndicator status={live} />
      </div>
      <dl className="mt-5 flex flex-wrap gap-x-8 gap-y-2 border-t border-subtle pt-4 text-sm">
        <Moment label="Created" iso={job.createdAt} />
        <Moment label="Updated" iso={job.updatedAt} />
        <Moment label="Completed" iso={job.completedAt} />
      </dl>
    </header>
  );
}
