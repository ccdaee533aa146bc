"use client";

import { Badge } from "@/components/ui/badge";
import { formatElapsed } from "@/components/ui/format";
import { useNow } from "@/components/ui/use-now";
import { isStuck } from "@/lib/insight/step-expectations";
import type { JobExpectation } from "@/lib/insight/types";

/** "usually done in 3m 00s; 14m 10s so far". */
export function describeLateness(expectation: JobExpectation, now: number): string {
  return `usually done in ${formatElapsed(expectation.usualMs)}; ${formatElapsed(Math.max(0, now - Date.parse(expectation.since)))} so far`;
}

/** A warning badge on a job past its step's expected time; nothing otherwise. `detail` spells out by how much. */
export function StuckBadge({
  expectation,
  detail = false,
}: {
  expectation: JobExpectation | null | undefined;
  detail?: boolean;
}) {
  const now = useNow();
  if (!expectation || !isStuck(expectation, now)) return null;
  const text = describeLateness(expectation, now);
  return (
    <Badge tone="warning" dot data-testid="stuck-badge" title={detail ? undefined : `Stuck: ${text}`}>
      Stuck
      {detail ? <span className="font-normal">— {text}</span> : <span className="sr-only">: {text}</span>}
    </Badge>
  );
}
