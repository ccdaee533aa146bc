"use client";

import { useQuery } from "@tanstack/react-query";
import { LoadError } from "@/components/load-error";
import { Alert } from "@/components/ui/alert";
import { JobDeliveries } from "@/components/webhooks/job-deliveries";
import type { SerializedFailure } from "@/lib/jobs/types";
import { JobEvents } from "./job-events";
import { JobHeader } from "./job-header";
import { JobOutputs } from "./job-outputs";
import { JobSummary } from "./job-summary";
import { JobTimeline } from "./job-timeline";
import { jobQuery } from "./queries";
import { STATUS_LABELS } from "./status-style";
import { useLiveJobUpdates } from "./use-live-job-updates";

/** "Failed while transcribing", "Rejected before processing started", "Failed after Dubbed". */
function describeFailure(failure: SerializedFailure): string {
  const verb = failure.status === "rejected" ? "Rejected" : "Failed";
  if (failure.atStep === "created") return `${verb} before processing started`;
  const label = STATUS_LABELS[failure.atStep];
  return failure.atStep.endsWith("ing") ? `${verb} while ${label.toLowerCase()}` : `${verb} after ${label}`;
}

/** The job page: header, summary, why it failed, timeline, outputs and raw events — live. */
export function JobView({ jobId, canManage }: { jobId: string; canManage: boolean }) {
  const live = useLiveJobUpdates();
  const { data, error, refetch, isFetching } = useQuery(jobQuery(jobId));

  if (!data) {
    return (
      <LoadError title="This job could not be loaded" message={error?.message ?? "Loading…"} onRetry={() => void refetch()} retrying={isFetching} />
    );
  }

  const { job, failure } = data;
  return (
    <>
      <JobHeader job={job} live={live} />
      {failure && (
        <Alert tone={failure.status === "rejected" ? "warning" : "danger"} title={describeFailure(failure)} className="mb-6">
          <span data-testid="failure-reason">{failure.reason ?? "The Jobs API did not say why."}</span>
        </Alert>
      )}
      <JobSummary job={job} />
      <div className="mb-6 grid gap-6 lg:grid-cols-5">
        <div className="lg:col-span-2">
          <JobTimeline steps={data.timeline} failure={failure} expectation={job.expectation} />
        </div>
        <div className="lg:col-span-3">
          <JobOutputs job={job} outputs={data.outputs} />
        </div>
      </div>
      <JobEvents jobId={jobId} firstPage={data.events} counts={data.eventCounts} />
      <div className="mt-6">
        <JobDeliveries jobId={jobId} canManage={canManage} />
      </div>
    </>
  );
}
