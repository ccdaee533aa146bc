import pg from "pg";
import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "@/lib/db/is-database-unavailable";
import { createTestWorkspace } from "@/test/fixtures/workspace";
import { buildEventInput, type EventInput } from "./build-event-input";
import { applyEventGroupCommitted } from "./group-commits";
import { parseIngestPayload } from "./schemas";
import { dubJobEvents } from "./testing/sample-events";
import { countRows, storedJobStates } from "./testing/webhook-requests";

// Events arriving together share a transaction; a statement failing in it must cost only its own event.

function inputFor(workspaceId: string, jobId: string, step: number, webhookId: string): EventInput {
  const payload = dubJobEvents(jobId)[step];
  return buildEventInput({ workspaceId, webhookId }, parseIngestPayload(payload, JSON.stringify(payload)), payload);
}

describe("applyEventGroupCommitted", () => {
  it("applies events that arrive together, each with its own disposition", async () => {
    const workspace = await createTestWorkspace();
    const inputs = Array.from({ length: 12 }, (_, i) =>
      inputFor(workspace.id, `job_g_${i % 4}`, 1 + Math.floor(i / 4), `msg_g_${i}`),
    );
    const results = await Promise.all(inputs.map((input) => applyEventGroupCommitted(input)));
    expect(results.every((result) => result.stored)).toBe(true);
    expect(await countRows(workspace.id)).toMatchObject({ jobs: 4, events: 12 });
    for (const state of (await storedJobStates(workspace.id)).values()) expect(state.status).toBe("translating");
  });

  it("retries each event on its own when one statement fails the shared transaction", async () => {
    const workspace = await createTestWorkspace();
    const inputs = Array.from({ length: 10 }, (_, i) => inputFor(workspace.id, `job_f_${i}`, 0, `msg_f_${i}`));
    // An event for a workspace that does not exist (deleted meanwhile): its insert breaks a foreign key.
    inputs[6] = inputFor("ghost_workspace", "job_ghost", 0, "msg_ghost");
    const settled = await Promise.allSettled(inputs.map((input) => applyEventGroupCommitted(input)));

    const rejected = settled.flatMap((outcome, index) =>
      outcome.status === "rejected" ? [{ index, reason: outcome.reason as unknown }] : [],
    );
    expect(rejected.map((failure) => failure.index)).toEqual([6]);
    expect(rejected[0].reason).toBeInstanceOf(pg.DatabaseError);
    expect((rejected[0].reason as pg.DatabaseError).code).toBe("23503");
    expect(isDatabaseUnavailable(rejected[0].reason)).toBe(false); // a 500, not a 503
    expect(await countRows(workspace.id)).toMatchObject({ jobs: 9, events: 9 });
  });
});
