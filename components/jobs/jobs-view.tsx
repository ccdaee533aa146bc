"use client";

import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { LoadError } from "@/components/load-error";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { JobStateTabs, tabId } from "./job-state-tabs";
import { JobsPagination } from "./jobs-pagination";
import { JobsTable } from "./jobs-table";
import { JobsTableSkeleton } from "./jobs-table-skeleton";
import { JobsToolbar } from "./jobs-toolbar";
import { KeyboardShortcuts } from "./keyboard-shortcuts";
import { LiveIndicator } from "./live-indicator";
import { JobListAnnouncement } from "./live-job-announcement";
import { NoJobsYet } from "./no-jobs-yet";
import { NoMatchingJobs } from "./no-matching-jobs";
import { jobCountsQuery, jobsQuery } from "./queries";
import { useListParams } from "./use-list-params";
import { useLiveJobUpdates } from "./use-live-job-updates";

/** The Jobs page: state tabs, search and filters, the table, pagination — all live. */
export function JobsView({ webhookUrl }: { webhookUrl: string }) {
  const panelId = useId();
  const searchId = useId();
  const { params, navigate, setFilters } = useListParams();
  const jobs = useQuery(jobsQuery(params));
  const counts = useQuery(jobCountsQuery());
  const live = useLiveJobUpdates();
  const filtered = Boolean(params.apiProduct || params.state || params.status || params.q);
  const page = jobs.data;

  let body;
  if (!page && jobs.isError) {
    body = (
      <LoadError
        title="The jobs could not be loaded"
        message={jobs.error.message}
        onRetry={() => void jobs.refetch()}
        retrying={jobs.isFetching}
      />
    );
  } else if (!page) {
    body = <JobsTableSkeleton />;
  } else if (page.jobs.length === 0) {
    body = filtered ? (
      <NoMatchingJobs search={params.q} onClear={() => navigate({ sort: params.sort })} />
    ) : (
      <NoJobsYet webhookUrl={webhookUrl} />
    );
  } else {
    body = (
      <>
        {jobs.isError && (
          <Alert
            tone="warning"
            className="mb-3"
            action={
              <Button variant="secondary" size="sm" onClick={() => void jobs.refetch()}>
                Retry
              </Button>
            }
          >
            Showing earlier results: {jobs.error.message}
          </Alert>
        )}
        <JobsTable jobs={page.jobs} stale={jobs.isPlaceholderData} />
        <JobsPagination
          shown={page.jobs.length}
          onPrevious={
            page.prevCursor
              ? () => navigate({ ...params, after: undefined, before: page.prevCursor ?? undefined })
              : params.after || params.before
                ? () => navigate({ ...params, after: undefined, before: undefined })
                : null
          }
          onNext={
            page.nextCursor
              ? () => navigate({ ...params, before: undefined, after: page.nextCursor ?? undefined })
              : null
          }
        />
      </>
    );
  }

  return (
    <>
      <PageHeader
        title="Jobs"
        description={
          <>
            Every job in this workspace, updated live as the Jobs API&apos;s webhooks arrive. Press{" "}
            <kbd className="rounded border border-default bg-muted px-1 font-mono text-caption">?</kbd> for keyboard
            shortcuts.
          </>
        }
        actions={<LiveIndicator status={live} />}
      />
      <JobListAnnouncement scope={JSON.stringify(params)} jobs={jobs.isPlaceholderData ? undefined : page?.jobs} />
      <JobStateTabs
        value={params.state}
        counts={counts.data}
        onChange={(state) => setFilters({ state })}
        controls={panelId}
      />
      {/* Whatever the tabs filter, the empty states included: aria-controls always finds it. */}
      <div id={panelId} role="tabpanel" aria-labelledby={tabId(panelId, params.state)}>
        <JobsToolbar params={params} onChange={setFilters} searchId={searchId} />
        <KeyboardShortcuts searchId={searchId} />
        {body}
      </div>
    </>
  );
}
