import { describe, expect, it } from "vitest";
import type { SerializedTimelineStep, TimelineEvent } from "@/lib/jobs/types";
import { groupTimelineEvents, uniqueEvents } from "./group-timeline-events";

const at = (second: number) => new Date(Date.UTC(2026, 11, 1, 9, 0, second)).toISOString();
let sequence = 0;
const event = (
  status: string,
  second: number,
  disposition: TimelineEvent["disposition"] = "applied",
): TimelineEvent => ({
  id: `ev_${(sequence += 1)}`,
  webhookId: `msg_${sequence}`,
  event: "job.processing",
  status,
  occurredAt: at(second),
  receivedAt: at(second),
  disposition,
  deliveries: [],
});
const step = (
  status: SerializedTimelineStep["status"],
  state: SerializedTimelineStep["state"],
): SerializedTimelineStep => ({ status, state, reachedAt: null, durationMs: null });

describe("groupTimelineEvents", () => {
  it("puts each event under its step, oldest first, and what belongs to no step after them", () => {
    const steps = [step("created", "done"), step("transcribing", "current"), step("transcribed", "upcoming")];
    const late = event("created", 1, "late");
    const grouped = groupTimelineEvents(steps, null, [
      event("transcribing", 20, "duplicate"),
      event("transcribing", 10),
      late,
      event("created", 0),
      event("archived", 30, "ignored"),
    ]);
    expect(grouped.groups.map((group) => [group.step.status, group.events.map((e) => e.occurredAt)])).toEqual([
      ["created", [at(0), at(1)]],
      ["transcribing", [at(10), at(20)]],
      ["transcribed", []],
    ]);
    expect(grouped.others.map((e) => e.status)).toEqual(["archived"]);
  });

  it("a failure event belongs to the step the job failed at", () => {
    const steps = [step("created", "done"), step("transcribing", "failed"), step("transcribed", "upcoming")];
    const grouped = groupTimelineEvents(steps, { status: "failed", atStep: "transcribing", at: at(20), reason: null }, [
      event("transcribing", 10),
      event("failed", 20),
    ]);
    expect(grouped.groups[1].events.map((e) => e.status)).toEqual(["transcribing", "failed"]);
    expect(grouped.others).toEqual([]);
  });

  it("uniqueEvents keeps the first copy of each event across pages", () => {
    const a = event("created", 0);
    expect(uniqueEvents([a], [a, event("created", 1)]).length).toBe(2);
  });
});
