"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { LoadError } from "@/components/load-error";
import { Alert } from "@/components/ui/alert";
import { AttemptDebugger, type DebuggerTarget } from "@/components/webhooks/attempt-debugger";
import type { SerializedFailure } from "@/lib/jobs/types";
import { JobHeader } from "./job-header";
import { JobOutputs } from "./job-outputs";
import { JobSummary } from "./job-summary";
import { JobTimeline } from "./job-timeline";
import { KeyboardShortcuts } from "./keyboard-shortcuts";
import { JobStatusAnnouncement } from "./live-job-announcement";
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

/** What the viewer's role lets the page offer: the second hop, resends, a re-signed cURL. */
export interface JobViewPowers {
  readDeliveries: boolean;
  writeDeliveries: boolean;
  readSecrets: boolean;
}

/** The job page: header, summary, why it failed, the two-hop timeline and the outputs — live. */
export function JobView({ jobId, powers }: { jobId: string; powers: JobViewPowers }) {
  const live = useLiveJobUpdates(jobId);
  const { data, error, refetch, isFetching } = useQuery(jobQuery(jobId));
  const [inspecting, setInspecting] = useState<DebuggerTarget | null>(null);

  if (!data) {
    return (
      <LoadError
        title="This job could not be loaded"
        message={error?.message ?? "Loading…"}
        onRetry={() => void refetch()}
        retrying={isFetching}
      />
    );
  }

  const { job, failure } = data;
  return (
    <>
      <JobHeader job={job} live={live} />
      <KeyboardShortcuts />
      <JobStatusAnnouncement job={job} />
      {failure && (
        <Alert
          tone={failure.status === "rejected" ? "warning" : "danger"}
          title={describeFailure(failure)}
          className="mb-6"
        >
          <span data-testid="failure-reason">{failure.reason ?? "The Jobs API did not say why."}</span>
        </Alert>
      )}
      <JobSummary job={job} />
      {/* The timeline gets the room (it is long); the outputs stay in view beside it. */}
      <div className="grid items-start gap-6 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <JobTimeline
          jobId={jobId}
          detail={data}
          showDeliveries={powers.readDeliveries}
          onInspect={(deliveryId, attemptId) => setInspecting({ deliveryId, attemptId })}
        />
        <div className="xl:sticky xl:top-6">
          <JobOutputs job={job} outputs={data.outputs} />
        </div>
      </div>
      {powers.readDeliveries && (
        <AttemptDebugger
          target={inspecting}
          canResend={powers.writeDeliveries}
          canCopyCurl={powers.readSecrets}
          onClose={() => setInspecting(null)}
        />
      )}
    </>
  );
}
