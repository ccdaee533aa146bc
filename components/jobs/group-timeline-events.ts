import type { SerializedFailure, SerializedTimelineStep, TimelineEvent } from "@/lib/jobs/types";

// The job page's one timeline: the workflow's steps in order, each with the events that reported
// it (the first, and any later copies: duplicates, late arrivals), oldest first. A failed or
// rejected event belongs to the step the job failed at; an event of a status the workflow does not
// have (ignored) is listed after the steps.
export interface TimelineGroup {
  step: SerializedTimelineStep;
  events: TimelineEvent[];
}

export interface GroupedTimeline {
  groups: TimelineGroup[];
  /** Events that report no step of this workflow. */
  others: TimelineEvent[];
}

const byTime = (a: TimelineEvent, b: TimelineEvent) =>
  a.occurredAt.localeCompare(b.occurredAt) || a.receivedAt.localeCompare(b.receivedAt) || a.id.localeCompare(b.id);

/** Every event once, whichever pages brought it. */
export function uniqueEvents(...lists: TimelineEvent[][]): TimelineEvent[] {
  const seen = new Map<string, TimelineEvent>();
  for (const event of lists.flat()) if (!seen.has(event.id)) seen.set(event.id, event);
  return [...seen.values()];
}

export function groupTimelineEvents(
  steps: SerializedTimelineStep[],
  failure: SerializedFailure | null,
  events: TimelineEvent[],
): GroupedTimeline {
  const groups = steps.map((step) => ({ step, events: [] as TimelineEvent[] }));
  const byStatus = new Map(groups.map((group) => [group.step.status as string, group]));
  const failedGroup = groups.find((group) => group.step.state === "failed");
  const others: TimelineEvent[] = [];
  for (const event of events) {
    const group =
      byStatus.get(event.status) ??
      ((event.status === "failed" || event.status === "rejected") && failure ? failedGroup : undefined);
    if (group) group.events.push(event);
    else others.push(event);
  }
  for (const group of groups) group.events.sort(byTime);
  return { groups, others: others.sort(byTime) };
}
