"use client";

import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { formatElapsed, formatExact, formatMoment } from "@/components/ui/format";
import { CheckIcon, SkipIcon, XIcon } from "@/components/ui/icons";
import { useNow } from "@/components/ui/use-now";
import type { JobExpectation } from "@/lib/insight/types";
import type { SerializedFailure, SerializedTimelineStep } from "@/lib/jobs/types";
import { STATUS_LABELS, STEP_STYLES } from "./status-style";

function StepDot({ step }: { step: SerializedTimelineStep }) {
  const style = STEP_STYLES[step.state];
  return (
    <span className={cn("relative z-10 flex size-6 shrink-0 items-center justify-center rounded-full ring-2", style.dot)} aria-hidden="true">
      {step.state === "done" && <CheckIcon className="size-3.5" strokeWidth={2.5} />}
      {step.state === "failed" && <XIcon className="size-3.5" strokeWidth={2.5} />}
      {step.state === "skipped" && <SkipIcon className="size-3.5" strokeWidth={2} />}
      {step.state === "current" && <span className="size-2 animate-pulse rounded-full bg-info-emphasis" />}
    </span>
  );
}

interface StepTimingProps {
  step: SerializedTimelineStep;
  failure: SerializedFailure | null;
  now: number;
  /** The job's expectation, shown on the step it is about. */
  expectation?: JobExpectation | null;
}

function StepTiming({ step, failure, now, expectation }: StepTimingProps) {
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
      {running !== null && expectation?.step === step.status && (
        <span data-testid="expected-by" suppressHydrationWarning>
          · expected by <time dateTime={expectation.expectedBy} title={formatExact(expectation.expectedBy)}>{formatMoment(expectation.expectedBy, now)}</time>
        </span>
      )}
    </span>
  );
}

/** The workflow's steps: done, current, upcoming, skipped or failed, with when and how long. */
export function JobTimeline({
  steps,
  failure,
  expectation,
}: {
  steps: SerializedTimelineStep[];
  failure: SerializedFailure | null;
  expectation?: JobExpectation | null;
}) {
  const now = useNow();
  return (
    <Card>
      <CardHeader className="py-4">
        <CardTitle>Timeline</CardTitle>
      </CardHeader>
      <CardBody>
        <ol aria-label="Workflow steps" className="relative">
          {steps.map((step, index) => (
            <li key={step.status} data-testid="timeline-step" data-state={step.state} className="relative flex gap-3 pb-6 last:pb-0">
              {index < steps.length - 1 && (
                <span
                  aria-hidden="true"
                  className={cn(
                    "absolute top-7 bottom-1 left-[11px] w-0 border-l-2",
                    step.state === "skipped" || steps[index + 1].state === "skipped"
                      ? "border-dashed border-default"
                      : step.state === "done"
                        ? "border-success"
                        : "border-subtle",
                  )}
                />
              )}
              <StepDot step={step} />
              <div className="min-w-0 pt-0.5">
                <p className={cn("text-sm font-medium", STEP_STYLES[step.state].text)}>
                  {STATUS_LABELS[step.status]}
                  <span className="sr-only">: {STEP_STYLES[step.state].label}</span>
                </p>
                <div className="mt-0.5 text-ui text-subtle">
                  <StepTiming step={step} failure={failure} now={now} expectation={expectation} />
                </div>
                {step.state === "failed" && failure && (
                  <p className="mt-1.5 text-ui text-danger">
                    {failure.reason ?? (failure.status === "rejected" ? "Rejected" : "Failed")}
                  </p>
                )}
              </div>
            </li>
          ))}
        </ol>
      </CardBody>
    </Card>
  );
}
