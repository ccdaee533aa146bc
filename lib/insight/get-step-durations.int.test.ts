import { describe, expect, it } from "vitest";
import { createTestWorkspace } from "@/test/fixtures/workspace";
import { getStepDurations } from "./get-step-durations";
import { insertJobHistory } from "./testing/insert-job-history";

// The upstream reports whole seconds: a fast job reports several statuses in one second, and the
// spans must still follow the workflow (the database's order of equal timestamps is arbitrary).
const T0 = new Date(Date.UTC(2026, 10, 30, 12));
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

describe("getStepDurations", () => {
  it("orders statuses of the same second by the workflow, and gives a workflow's last status no duration", async () => {
    const ws = (await createTestWorkspace()).id;
    for (let i = 0; i < 5; i++) {
      await insertJobHistory(ws, {
        id: `job_fast_${i}`,
        apiProduct: "transcribe",
        history: [
          ["created", at(0)],
          ["transcribing", at(0)],
          ["transcribed", at(0)],
        ],
      });
    }
    await insertJobHistory(ws, {
      id: "job_dub",
      apiProduct: "dub",
      history: [
        ["created", at(0)],
        ["transcribing", at(1)],
        ["transcribed", at(4)],
        ["translating", at(4)],
        ["translated", at(6)],
        ["dubbing", at(6)],
        ["dubbed", at(9)],
        ["merging", at(9)],
        ["merged", at(9)],
      ],
    });

    const stats = await getStepDurations(ws, at(-60), at(60));
    const of = (apiProduct: string, step: string) =>
      stats.find((stat) => stat.apiProduct === apiProduct && stat.step === step);
    expect(of("transcribe", "created")).toMatchObject({ samples: 5, p95Ms: 0 });
    expect(of("transcribe", "transcribing")).toMatchObject({ samples: 5, p95Ms: 0 });
    expect(of("transcribe", "transcribed")).toBeUndefined();
    expect(of("dub", "transcribing")).toMatchObject({ samples: 1, p50Ms: 3_000 });
    expect(of("dub", "dubbing")).toMatchObject({ samples: 1, p50Ms: 3_000 });
    expect(of("dub", "merging")).toMatchObject({ samples: 1, p50Ms: 0 });
    expect(of("dub", "merged")).toBeUndefined();
    expect(stats).toHaveLength(2 + 8);
  });
});
