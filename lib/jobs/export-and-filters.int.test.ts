import { describe, expect, it } from "vitest";
import { createTestWorkspace } from "@/test/fixtures/workspace";
import { listJobs } from "./list-jobs";
import { streamJobsCsv } from "./stream-jobs-csv";
import { insertJobs } from "./testing/insert-test-jobs";

const day = (d: number, hour = 12) => new Date(Date.UTC(2026, 10, d, hour));

async function readText(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

describe("created-date and exact-status filters", () => {
  it("keeps jobs created on the days given, both ends included (UTC)", async () => {
    const ws = (await createTestWorkspace()).id;
    await insertJobs(ws, [
      { upstreamJobId: "job_27", createdAt: day(27, 23) },
      { upstreamJobId: "job_28_early", createdAt: day(28, 0) },
      { upstreamJobId: "job_29_late", createdAt: new Date(Date.UTC(2026, 10, 29, 23, 59, 59, 999)) },
      { upstreamJobId: "job_30", createdAt: day(30, 0), status: "failed", apiProduct: "dub" },
    ]);
    const ids = async (filters: Record<string, string>) =>
      (await listJobs(ws, { sort: "newest", limit: 25, ...filters })).jobs.map((job) => job.id);
    expect(await ids({ createdFrom: "2026-11-28", createdTo: "2026-11-29" })).toEqual(["job_29_late", "job_28_early"]);
    expect(await ids({ createdFrom: "2026-11-29" })).toEqual(["job_30", "job_29_late"]);
    expect(await ids({ createdTo: "2026-11-27" })).toEqual(["job_27"]);
    expect(await ids({ status: "failed" })).toEqual(["job_30"]);
  });
});

describe("CSV export", () => {
  it("streams every matching job of the workspace, past one batch, with a header row", async () => {
    const ws = (await createTestWorkspace()).id;
    const other = (await createTestWorkspace()).id;
    const count = 5_003;
    await insertJobs(
      ws,
      Array.from({ length: count }, (_, i) => ({
        upstreamJobId: `job_${String(i).padStart(5, "0")}`,
        createdAt: new Date(day(1).getTime() + i * 1000),
      })),
    );
    await insertJobs(ws, [
      { upstreamJobId: "job_formula", createdAt: day(20), status: "failed", failureReason: "=cmd|' /C calc'!A0" },
    ]);
    await insertJobs(ws, [{ upstreamJobId: "job_stuck", status: "transcribing", createdAt: day(3) }]);
    await insertJobs(other, [{ upstreamJobId: "job_theirs", createdAt: day(2) }]);

    const all = (await readText(await streamJobsCsv(ws, { sort: "newest" }))).trimEnd().split("\r\n");
    expect(all[0]).toBe(
      "jobId,apiProduct,status,state,createdAt,updatedAt,completedAt,durationSeconds,cost,wordCount,failureReason",
    );
    expect(all).toHaveLength(count + 3);
    expect(all[1]).toBe(
      `job_formula,transcribe,failed,failed,${day(20).toISOString()},${day(20).toISOString()},,,,,'=cmd|' /C calc'!A0`,
    );
    expect(all[all.length - 1].startsWith("job_00000,")).toBe(true);
    expect(new Set(all.slice(1).map((line) => line.split(",")[0])).size).toBe(count + 2);
    expect(all.some((line) => line.startsWith("job_theirs"))).toBe(false);

    const lines = async (filters: Parameters<typeof streamJobsCsv>[1]) =>
      (await readText(await streamJobsCsv(ws, filters))).trimEnd().split("\r\n").slice(1);
    expect(await lines({ status: "failed", sort: "oldest" })).toHaveLength(1);
    expect((await lines({ q: "job_0000", sort: "oldest" })).map((line) => line.split(",")[0])).toEqual(
      Array.from({ length: 10 }, (_, i) => `job_0000${i}`),
    );
    expect((await lines({ createdFrom: "2026-11-03", sort: "newest" })).map((line) => line.split(",")[0])).toEqual([
      "job_formula",
      "job_stuck",
    ]);
    expect(
      (await lines({ createdFrom: "2026-11-03", createdTo: "2026-11-03", sort: "newest" })).map(
        (line) => line.split(",")[0],
      ),
    ).toEqual(["job_stuck"]);
    // Long past its step's expected time (no history: the 30-minute default × 1.5).
    expect((await lines({ stuck: true, sort: "newest" })).map((line) => line.split(",")[0])).toEqual(["job_stuck"]);
  });
});
