import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "../testing/harness";
import { seededRandom } from "../testing/seeded-random";
import { waitForJob } from "../testing/wait-for-job";

// The stall control: one job goes quiet the way a vendor's job does (it stops advancing and sends
// nothing) while every other job walks on; resumed, it carries on from where it stopped.

const MEDIA = "https://media.example.com/lectures/week-3.mp4";

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ random: seededRandom(7) });
});
afterAll(async () => {
  expect(h.receiver.invalid).toEqual([]);
  await h.close();
});

/** Creates a transcribe job and stalls it the moment it reports `transcribing`. */
function createStalledAtTranscribing(): Promise<string> {
  return new Promise((resolve) => {
    let jobId = "";
    const unsubscribe = h.sim.onStatusChange((payload) => {
      if (payload.data.jobId !== jobId || payload.data.status !== "transcribing") return;
      h.sim.stallJob(jobId);
      unsubscribe();
      resolve(jobId);
    });
    jobId = h.sim.createJob("transcribe", { mediaUrl: MEDIA }).jobId;
  });
}

describe("stallJob", () => {
  it("freezes one job at its step, with no event, while the others finish; resumeJob lets it finish", async () => {
    const stalled = await createStalledAtTranscribing();
    // A dub job walks nine statuses, far longer than the stalled job's step would have lasted.
    const dub = await h.createJob("dub", { mediaUrl: MEDIA, targetLanguage: "es" });
    const other = await h.createJob("transcribe", { mediaUrl: MEDIA });
    await h.receiver.waitForTerminal(dub);
    await h.receiver.waitForTerminal(other);

    expect(h.sim.getJob(stalled)).toMatchObject({ status: "transcribing", stalled: true });
    expect(h.sim.getJob(stalled)?.history.map((entry) => entry.status)).toEqual(["created", "transcribing"]);
    expect(h.receiver.statusesOf(stalled)).toEqual(["created", "transcribing"]);
    const answer = await h.post(`/v1/jobs/${stalled}/download-result`, {});
    expect(await answer.json()).toEqual({
      error: { code: "INVALID_REQUEST", message: "Job is not completed yet. Current status: transcribing" },
    });

    h.sim.resumeJob(stalled);
    await h.receiver.waitForTerminal(stalled);
    expect(h.receiver.statusesOf(stalled)).toEqual(["created", "transcribing", "transcribed"]);
    expect(h.sim.getJob(stalled)?.stalled).toBeUndefined();
  });

  it("stops a job between two statuses (its pending step is cancelled)", async () => {
    const { jobId } = h.sim.createJob("transcribe", { mediaUrl: MEDIA });
    h.sim.stallJob(jobId);
    const other = await h.createJob("dub", { mediaUrl: MEDIA, targetLanguage: "es" });
    await h.receiver.waitForTerminal(other);
    expect(h.sim.getJob(jobId)).toMatchObject({ status: "created", stalled: true });
    expect(h.receiver.statusesOf(jobId)).toEqual(["created"]);

    h.sim.resumeJob(jobId);
    const finished = await waitForJob(h.sim, jobId);
    expect(finished.history.map((entry) => entry.status)).toEqual(["created", "transcribing", "transcribed"]);
  });

  it("refuses an unknown or finished job; resuming a job that is not stalled changes nothing", async () => {
    expect(() => h.sim.stallJob("job_missing")).toThrow("Unknown job job_missing");
    const done = await h.createJob("transcribe", { mediaUrl: MEDIA });
    await waitForJob(h.sim, done);
    expect(() => h.sim.stallJob(done)).toThrow(/is finished \(transcribed\)/);
    h.sim.resumeJob(done);
    await h.receiver.waitForTerminal(done);
    expect(h.receiver.statusesOf(done)).toEqual(["created", "transcribing", "transcribed"]);
  });
});
