import { describe, expect, it } from "vitest";
import { dubJobEvents, failedDubJobEvents, samplePayload, T0 } from "@/lib/ingest/testing/sample-events";
import { postSigned } from "@/lib/ingest/testing/webhook-requests";
import { createTestWorkspace } from "@/test/fixtures/workspace";
import { recountJobCounters } from "./recount-job-counters";
import { readJobCounters } from "./testing/read-job-counters";

// The counters the ingest statement keeps (count-jobs-step.ts) against a recount from the jobs
// (npm run db:recount), after one mixed burst through the real webhook route: events out of
// order, a created event that moves its job back an hour, redeliveries, repeated statuses, late
// steps, ignored events, a failure, and another workspace.
describe("job counters", () => {
  it("equal a recount after a mixed batch with duplicates, late and ignored events", async () => {
    const workspace = await createTestWorkspace();
    const other = await createTestWorkspace();
    // Starts five seconds before the hour: its transcribing event, sent first, counts it in 12:00;
    // its created event, in the burst, moves it back to 11:00.
    const moved = dubJobEvents("job_moved", T0 - 5_000);
    const shuffled = [moved[3], moved[8], moved[2], moved[5], moved[0], moved[4]];
    const failed = failedDubJobEvents("job_failed", T0 + 60_000);
    const sends: Array<[typeof workspace, unknown, string?]> = [
      ...shuffled.map((payload): [typeof workspace, unknown] => [workspace, payload]),
      ...failed.map((payload): [typeof workspace, unknown] => [workspace, payload]),
      // A redelivery (same webhook-id) and a repeated status under a new webhook-id.
      [workspace, failed[1], "msg_redelivered"],
      [workspace, failed[1], "msg_redelivered"],
      [workspace, samplePayload("dub", "transcribing", "job_failed", T0 + 70_000, { duration: 61 })],
      // Ignored: an unknown event type.
      [
        workspace,
        {
          event: "job.progress_updated",
          timestamp: "2025-12-07T12:00:30Z",
          data: { jobId: "job_failed", apiProduct: "dub", status: "halfway" },
        },
      ],
      // A duration no counter could hold is bounded (it would otherwise fail the statement).
      [workspace, samplePayload("voiceover", "created", "job_huge", T0 + 7_200_000, { duration: 1e300 })],
      // A job without figures yet.
      [workspace, samplePayload("translate", "created", "job_bare", T0 + 10_800_000)],
      // A transcription without a created event, and the other workspace's jobs.
      [
        workspace,
        samplePayload("transcribe", "transcribed", "job_tr", T0 + 3_600_000, { duration: 30.0004, cost: 0.25 }),
      ],
      ...dubJobEvents("job_moved", T0 - 5_000).map((payload): [typeof workspace, unknown] => [other, payload]),
    ];
    expect((await postSigned(workspace, moved[1])).status).toBe(200);
    expect(await readJobCounters(workspace.id)).toEqual([
      "day 2025-12-07 dub in_progress 1 0.0000 125.500",
      "hour 2025-12-07 12:00:00 dub in_progress 1 0.0000 125.500",
    ]);
    const responses = await Promise.all(
      sends.map(([target, payload, id]) => postSigned(target, payload, id ? { id } : {})),
    );
    for (const response of responses) expect(response.status).toBe(200);
    // The late steps, after the job's end; another workflow's status (ignored: after the burst, so
    // that it cannot be the event that creates the job).
    for (const payload of [moved[6], moved[7], samplePayload("transcribe", "transcribed", "job_moved", T0 + 1_000)]) {
      expect((await postSigned(workspace, payload)).status).toBe(200);
    }

    const kept = await readJobCounters(workspace.id);
    const keptOther = await readJobCounters(other.id);
    expect(kept).toEqual([
      "day 2025-12-07 dub completed 1 2.5100 125.500",
      "day 2025-12-07 dub failed 1 0.0000 61.000",
      "day 2025-12-07 transcribe completed 1 0.2500 30.000",
      "day 2025-12-07 translate in_progress 1 0.0000 0.000",
      "day 2025-12-07 voiceover in_progress 1 0.0000 1000000000000.000",
      "hour 2025-12-07 11:00:00 dub completed 1 2.5100 125.500",
      "hour 2025-12-07 12:00:00 dub failed 1 0.0000 61.000",
      "hour 2025-12-07 13:00:00 transcribe completed 1 0.2500 30.000",
      "hour 2025-12-07 14:00:00 voiceover in_progress 1 0.0000 1000000000000.000",
      "hour 2025-12-07 15:00:00 translate in_progress 1 0.0000 0.000",
    ]);

    await recountJobCounters();
    expect(await readJobCounters(workspace.id)).toEqual(kept);
    expect(await readJobCounters(other.id)).toEqual(keptOther);
    // Idempotent, and one workspace alone.
    await recountJobCounters(workspace.id);
    expect(await readJobCounters(workspace.id)).toEqual(kept);
    expect(await readJobCounters(other.id)).toEqual(keptOther);
  });
});
