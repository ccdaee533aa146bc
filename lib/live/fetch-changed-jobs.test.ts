import { describe, expect, it } from "vitest";
import type { SerializedJob } from "@/lib/jobs/serialize-job";
import { createChangedJobFetcher, type LiveDelivery } from "./fetch-changed-jobs";

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const job = (id: string) => ({ id }) as SerializedJob;
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

function harness(
  options: { concurrency?: number; maxPending?: number; watched?: (workspaceId: string) => boolean } = {},
) {
  const loads: Array<{
    workspaceId: string;
    jobRowId: string;
    result: ReturnType<typeof deferred<SerializedJob | null>>;
  }> = [];
  const delivered: Array<[string, LiveDelivery]> = [];
  const fetcher = createChangedJobFetcher({
    load: (workspaceId, jobRowId) => {
      const result = deferred<SerializedJob | null>();
      loads.push({ workspaceId, jobRowId, result });
      return result.promise;
    },
    deliver: (workspaceId, delivery) => delivered.push([workspaceId, delivery]),
    isWatched: options.watched ?? (() => true),
    ...options,
  });
  return { fetcher, loads, delivered };
}

describe("createChangedJobFetcher", () => {
  it("loads each change once and runs at most `concurrency` loads at a time", async () => {
    const { fetcher, loads, delivered } = harness({ concurrency: 2 });
    for (const id of ["a", "b", "c", "d"]) fetcher.push("ws", id);
    expect(loads.map((load) => load.jobRowId)).toEqual(["a", "b"]);
    loads[0].result.resolve(job("a"));
    await tick();
    expect(loads.map((load) => load.jobRowId)).toEqual(["a", "b", "c"]);
    expect(delivered).toEqual([["ws", { type: "job", job: job("a") }]]);
  });

  it("folds changes to a job that is already waiting into one load", async () => {
    const { fetcher, loads } = harness({ concurrency: 1 });
    fetcher.push("ws", "busy");
    for (let i = 0; i < 50; i += 1) fetcher.push("ws", "hot");
    expect(fetcher.stats.coalesced).toBe(49);
    loads[0].result.resolve(null);
    await tick();
    expect(loads.map((load) => load.jobRowId)).toEqual(["busy", "hot"]);
  });

  it("loads a job again when it changes while being loaded (the running load may predate the change)", async () => {
    const { fetcher, loads } = harness({ concurrency: 2 });
    fetcher.push("ws", "a");
    fetcher.push("ws", "a");
    expect(loads).toHaveLength(1); // the second waits for the first, not beside it
    loads[0].result.resolve(job("a"));
    await tick();
    expect(loads).toHaveLength(2);
  });

  it("skips workspaces nobody watches any more", async () => {
    const { fetcher, loads } = harness({ watched: (workspaceId) => workspaceId !== "gone" });
    fetcher.push("gone", "x");
    fetcher.push("ws", "y");
    expect(loads.map((load) => load.workspaceId)).toEqual(["ws"]);
  });

  it("tells a workspace to resync when a load fails", async () => {
    const { fetcher, loads, delivered } = harness();
    fetcher.push("ws", "a");
    loads[0].result.reject(new Error("database down"));
    await tick();
    expect(delivered).toEqual([["ws", { type: "resync" }]]);
  });

  it("bounds the waiting changes: beyond maxPending the workspace is told to resync, once", async () => {
    const { fetcher, loads, delivered } = harness({ concurrency: 1, maxPending: 3 });
    for (let i = 0; i < 10; i += 1) fetcher.push("flood", `job${i}`);
    expect(fetcher.busy).toBe(4); // one running, three waiting
    expect(fetcher.stats.overflowed).toBe(6);
    expect(delivered).toEqual([["flood", { type: "resync" }]]);
    for (let i = 0; i < 4; i += 1) {
      loads[i].result.resolve(null);
      await tick();
    }
    expect(fetcher.busy).toBe(0);
    fetcher.push("flood", "later");
    expect(loads.at(-1)?.jobRowId).toBe("later");
  });
});
