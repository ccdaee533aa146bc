import { describe, expect, it } from "vitest";
import { isJobListKey, jobsKeys } from "./queries";

// The live updater finds the cached list pages by their keys and reads the parameters each was
// fetched with from the key itself; only a list key may pass.
describe("isJobListKey", () => {
  it("accepts a list page's key, whose last element is its parameters", () => {
    const key = jobsKeys.list({ sort: "newest", state: "completed", q: "" });
    expect(isJobListKey(key)).toBe(true);
    if (!isJobListKey(key)) return;
    const [, , params] = key;
    expect(params).toEqual({ sort: "newest", state: "completed" });
  });

  it.each([
    ["the counts", jobsKeys.counts()],
    ["a job", jobsKeys.detail("job_1")],
    ["older events", jobsKeys.olderEvents("job_1", "cursor")],
    ["every list", jobsKeys.lists()],
    ["another feature's", ["webhooks", "list", {}]],
  ])("refuses %s key", (_name, key) => {
    expect(isJobListKey(key)).toBe(false);
  });
});
