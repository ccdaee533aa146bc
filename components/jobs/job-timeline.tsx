"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { formatElapsed, formatExact, formatMoment } from "@/components/ui/format";
import { CheckIcon, SkipIcon, XIcon } from "@/components/ui/icons";
import { useNow } from "@/components/ui/use-now";
import type { JobEventCounts, SerializedFailure, SerializedJobDetail, SerializedTimelineStep } from "@/lib/jobs/types";
import type { InspectAttempt } from "./event-deliveries";
import { groupTimelineEvents, type TimelineGroup, uniqueEvents } from "./group-timeline-events";
import { olderJobEventsQuery } from "./queries";
import { STATUS_LABELS, STEP_STYLES } from "./status-style";
import { TimelineEvent } from "./timeline-event";

/** "2 late · 1 duplicate · 1 ignored": each kind named, so the numbers say what they count. */
function describeUnapplied(counts: JobEventCounts): string {
  return (["late", "duplicate", "ignored"] as const)
    .filter((kind) => counts[kind] > 0)
    .map((kind) => `${counts[kind].toLocaleString("en-US")} ${kind}`)
    .join(" · ");
}

function StepDot({ step }: { step: SerializedTimelineStep }) {
  const style = STEP_STYLES[step.state];
  return (
    <span
      className={cn("relative z-10 flex size-6 shrink-0 items-center justify-center rounded-full ring-2", style.dot)}
      aria-hidden="true"
    >
      {step.state === "done" && <CheckIcon className="size-3.5" strokeWidth={2.5} />}
      {step.state === "failed" && <XIcon className="size-3.5" strokeWidth={2.5} />}
      {step.state === "skipped" && <SkipIcon className="size-3.5" strokeWidth={2} />}
      {step.state === "current" && <span className="size-2 animate-pulse rounded-full bg-info-emphasis" />}
    </span>
  );
}

function StepTiming({
  step,
  failure,
  now,
}: {
  step: SerializedTimelineStep;
  failure: SerializedFailure | null;
  now: number;
}) {
  if (step.state === "skipped") return <span>Skipped — the input was already SRT</span>;
  if (step.state === "upcoming") return <span>{failure ? "Not reached" : "Upcoming"}</span>;
  if (!step.reachedAt) return <span>Reached, not reported</span>;
  const running = step.state === "current" ? Math.max(0, now - new Date(step.reachedAt).getTime()) : null;
  return (
    <span className="flex flex-wrap gap-x-1.5">
      <time dateTime={step.reachedAt} title={formatExact(step.reachedAt)} suppressHydrationWarning>
        {formatMoment(step.reachedAt, now)}
      </time>
      {step.durationMs !== null && <span>· took {formatElapsed(step.durationMs)}</span>}
      {running !== null && <span suppressHydrationWarning>· running for {formatElapsed(running)}</span>}
    </span>
  );
}

interface StepProps {
  jobId: string;
  group: TimelineGroup;
  next: TimelineGroup | undefined;
  failure: SerializedFailure | null;
  showDeliveries: boolean;
  onInspect: InspectAttempt;
  now: number;
}

function TimelineStep({ jobId, group, next, failure, showDeliveries, onInspect, now }: StepProps) {
  const { step, events } = group;
  const label = STATUS_LABELS[step.status];
  return (
    <li
      data-testid="timeline-step"
      data-step={step.status}
      data-state={step.state}
      className="relative flex gap-3 pb-7 last:pb-0"
    >
      {next && (
        <span
          aria-hidden="true"
          className={cn(
            "absolute top-7 bottom-1 left-[11px] w-0 border-l-2",
            step.state === "skipped" || next.step.state === "skipped"
              ? "border-dashed border-default"
              : step.state === "done"
                ? "border-success"
                : "border-subtle",
          )}
        />
      )}
      <StepDot step={step} />
      <div className="min-w-0 flex-1 pt-0.5">
        <h3 className={cn("text-sm font-medium", STEP_STYLES[step.state].text)}>
          {label}
          <span className="sr-only">: {STEP_STYLES[step.state].label}</span>
        </h3>
        <div className="mt-0.5 text-ui text-subtle">
          <StepTiming step={step} failure={failure} now={now} />
        </div>
        {step.state === "failed" && failure && (
          <p className="mt-1.5 text-ui text-danger">
            {failure.reason ?? (failure.status === "rejected" ? "Rejected" : "Failed")}
          </p>
        )}
        {events.length > 0 && (
          <ul aria-label={`Reports of ${label}`} className="mt-3 space-y-2">
            {events.map((event) => (
              <TimelineEvent
                key={event.id}
                jobId={jobId}
                event={event}
                showDeliveries={showDeliveries}
                onInspect={onInspect}
              />
            ))}
          </ul>
        )}
      </div>
    </li>
  );
}

export interface JobTimelineProps {
  jobId: string;
  detail: SerializedJobDetail;
  showDeliveries: boolean;
  onInspect: InspectAttempt;
}

/**
 * The job page's one timeline: the workflow's steps (upcoming ones too), and under each the events
 * that reported it — when the Jobs API sent each, when it reached the portal, and each attempt to
 * deliver it to your endpoints. The newest page of events comes with the job (with the first
 * report of every step), older pages on demand.
 */
export function JobTimeline({ jobId, detail, showDeliveries, onInspect }: JobTimelineProps) {
  const now = useNow();
  const firstPage = detail.events;
  const [wantOlder, setWantOlder] = useState(false);
  const older = useInfiniteQuery({
    ...olderJobEventsQuery(jobId, firstPage.nextCursor ?? ""),
    enabled: wantOlder && firstPage.nextCursor !== null,
  });
  const events = uniqueEvents(
    firstPage.events,
    detail.firstEvents,
    older.data?.pages.flatMap((page) => page.events) ?? [],
  );
  const { groups, others } = groupTimelineEvents(detail.timeline, detail.failure, events);
  const more = older.data ? older.hasNextPage : firstPage.nextCursor !== null;
  const counts = detail.eventCounts;
  const unapplied = describeUnapplied(counts);

  return (
    <Card>
      <CardHeader className="py-4">
        <CardTitle>Timeline</CardTitle>
        <CardDescription data-testid="job-events-summary">
          {counts.total === 1 ? "1 webhook delivery" : `${counts.total.toLocaleString("en-US")} webhook deliveries`}
          {unapplied && ` (${unapplied})`} from the Jobs API.{" "}
          {showDeliveries
            ? "Each shows when it was sent, when it reached the portal, and every attempt to pass it on to your endpoints."
            : "Each shows when it was sent and when it reached the portal."}
        </CardDescription>
      </CardHeader>
      <CardBody>
        <ol aria-label="Workflow steps" className="relative">
          {groups.map((group, index) => (
            <TimelineStep
              key={group.step.status}
              jobId={jobId}
              group={group}
              next={groups[index + 1]}
              failure={detail.failure}
              showDeliveries={showDeliveries}
              onInspect={onInspect}
              now={now}
            />
          ))}
        </ol>
        {others.length > 0 && (
          <section aria-labelledby={`${jobId}-others`} className="mt-7 border-t border-subtle pt-5">
            <h3 id={`${jobId}-others`} className="text-sm font-medium text-emphasis">
              Not part of this workflow
            </h3>
            <p className="mt-0.5 text-ui text-subtle">Events the portal stored but did not apply to the job.</p>
            <ul className="mt-3 space-y-2">
              {others.map((event) => (
                <TimelineEvent
                  key={event.id}
                  jobId={jobId}
                  event={event}
                  showDeliveries={showDeliveries}
                  onInspect={onInspect}
                />
              ))}
            </ul>
          </section>
        )}
      </CardBody>
      {(more || older.isError) && (
        <div className="flex items-center justify-between gap-3 rounded-b-lg border-t border-subtle bg-muted/60 px-6 py-3 text-ui text-subtle">
          <span>
            {older.isError
              ? `Older events could not be loaded: ${older.error.message}`
              : `Showing ${events.length.toLocaleString("en-US")} of ${counts.total.toLocaleString("en-US")} events.`}
          </span>
          <Button
            variant="secondary"
            size="sm"
            loading={older.isFetching}
            onClick={() =>
              older.data ? void older.fetchNextPage() : wantOlder ? void older.refetch() : setWantOlder(true)
            }
          >
            Load older events
          </Button>
        </div>
      )}
    </Card>
  );
}
