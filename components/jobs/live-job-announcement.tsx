"use client";

import { useEffect, useRef, useState } from "react";
import { LiveRegion } from "@/components/ui/live-region";
import type { SerializedJob } from "@/lib/jobs/types";
import { describeJobListChanges, describeJobStatusChange } from "./describe-job-changes";

/**
 * The sentence describing the latest change of `value` within one `scope` (a list's filters, a job
 * id). A new scope is a new page to the reader, not a change: it resets the sentence.
 */
function useChangeSentence<T>(
  scope: string,
  value: T | undefined,
  describeChange: (previous: T, next: T) => string,
): string {
  const [sentence, setSentence] = useState("");
  const previous = useRef<{ scope: string; value: T } | null>(null);
  useEffect(() => {
    if (value === undefined) return;
    const last = previous.current;
    previous.current = { scope, value };
    if (last?.scope !== scope) setSentence("");
    else if (last.value !== value) {
      const text = describeChange(last.value, value);
      if (text) setSentence(text);
    }
  }, [scope, value, describeChange]);
  return sentence;
}

/**
 * What live updates change on the Jobs page, for screen readers (the rows change silently
 * otherwise): jobs that appear and jobs that finish. `jobs` is undefined while a new filter loads.
 */
export function JobListAnnouncement({ scope, jobs }: { scope: string; jobs: SerializedJob[] | undefined }) {
  const sentence = useChangeSentence(scope, jobs, describeJobListChanges);
  return (
    <LiveRegion className="sr-only" data-testid="live-announcement">
      {sentence}
    </LiveRegion>
  );
}

/** Each new status of the job a job page shows, as live updates bring it. */
export function JobStatusAnnouncement({ job }: { job: SerializedJob }) {
  const sentence = useChangeSentence(job.id, job, describeJobStatusChange);
  return (
    <LiveRegion className="sr-only" data-testid="live-announcement">
      {sentence}
    </LiveRegion>
  );
}
