import { describe, expect, it } from "vitest";
import { splitIntoWaves } from "./apply-events";
import type { EventInput } from "./build-event-input";

const event = (workspaceId: string, upstreamJobId: string, webhookId: string) =>
  ({ workspaceId, upstreamJobId, webhookId }) as EventInput;

describe("splitIntoWaves", () => {
  it("keeps events of distinct jobs and webhook-ids in one wave", () => {
    expect(splitIntoWaves([event("a", "j1", "m1"), event("a", "j2", "m2"), event("b", "j1", "m1")])).toEqual([
      [0, 1, 2],
    ]);
  });

  it("puts a job's later events in later waves, in the order they came", () => {
    const inputs = [
      event("a", "j1", "m1"),
      event("a", "j2", "m2"),
      event("a", "j1", "m3"),
      event("a", "j1", "m4"),
      event("a", "j3", "m5"),
    ];
    expect(splitIntoWaves(inputs)).toEqual([[0, 1, 4], [2], [3]]);
  });

  it("separates two events with one webhook-id even for different jobs", () => {
    expect(splitIntoWaves([event("a", "j1", "m1"), event("a", "j2", "m1")])).toEqual([[0], [1]]);
  });
});
