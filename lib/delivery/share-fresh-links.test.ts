import { describe, expect, it } from "vitest";
import type { DownloadOutput } from "@/lib/contract/download-result";
import { shareFreshLinks } from "./share-fresh-links";

// One upstream call per job per round, never across workspaces, failures not remembered.
function upstream() {
  const calls: string[] = [];
  let fail = false;
  const requestLinks = async (workspaceId: string, jobId: string): Promise<DownloadOutput[]> => {
    calls.push(`${workspaceId}/${jobId}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
    if (fail) throw new Error("upstream away");
    return [
      {
        url: `https://files.example/${workspaceId}/${jobId}?sig=${calls.length}`,
        expiresAt: "2026-01-01T01:00:00Z",
        sizeBytes: 1,
      },
    ];
  };
  return { calls, requestLinks, failing: (value: boolean) => (fail = value) };
}

describe("shareFreshLinks", () => {
  it("makes one call for the endpoints of one job within the window, and a new one after it", async () => {
    const { calls, requestLinks } = upstream();
    let now = 0;
    const shared = shareFreshLinks(requestLinks, { clock: () => now, windowMs: 30_000 });
    const answers = await Promise.all(Array.from({ length: 20 }, () => shared("ws_a", "job_1")));
    expect(calls).toEqual(["ws_a/job_1"]);
    expect(new Set(answers.map((links) => links[0].url)).size).toBe(1);
    now = 29_999;
    await shared("ws_a", "job_1");
    expect(calls).toHaveLength(1);
    now = 30_000;
    await shared("ws_a", "job_1");
    expect(calls).toEqual(["ws_a/job_1", "ws_a/job_1"]);
  });

  it("never hands one workspace's links to another, even for the same job id", async () => {
    const { calls, requestLinks } = upstream();
    const shared = shareFreshLinks(requestLinks, { clock: () => 0 });
    const [mine, theirs] = await Promise.all([shared("ws_a", "job_1"), shared("ws_b", "job_1")]);
    expect(calls.sort()).toEqual(["ws_a/job_1", "ws_b/job_1"]);
    expect(mine[0].url).toContain("/ws_a/");
    expect(theirs[0].url).toContain("/ws_b/");
  });

  it("shares a failure only with those already waiting for it: the next round asks again", async () => {
    const { calls, requestLinks, failing } = upstream();
    const shared = shareFreshLinks(requestLinks, { clock: () => 0 });
    failing(true);
    const results = await Promise.allSettled([shared("ws_a", "job_1"), shared("ws_a", "job_1")]);
    expect(results.map((result) => result.status)).toEqual(["rejected", "rejected"]);
    expect(calls).toHaveLength(1);
    failing(false);
    await expect(shared("ws_a", "job_1")).resolves.toHaveLength(1);
    expect(calls).toHaveLength(2);
  });

  it("remembers at most maxEntries jobs, dropping the oldest", async () => {
    const { calls, requestLinks } = upstream();
    const shared = shareFreshLinks(requestLinks, { clock: () => 0, maxEntries: 2 });
    for (const job of ["job_1", "job_2", "job_3", "job_3", "job_2", "job_1"]) await shared("ws_a", job);
    expect(calls).toEqual(["ws_a/job_1", "ws_a/job_2", "ws_a/job_3", "ws_a/job_1"]);
  });
});
