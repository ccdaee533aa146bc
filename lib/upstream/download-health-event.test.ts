import { describe, expect, it } from "vitest";
import { healthEventOf } from "./download-health-event";

describe("healthEventOf", () => {
  it("counts the upstream's own failures, each as a sentence without a URL", () => {
    expect(healthEventOf({ ok: false, reason: "unreachable", detail: "HTTP 500" })).toEqual({
      ok: false,
      error: "The Jobs API answered with a server error (HTTP 500)",
    });
    expect(healthEventOf({ ok: false, reason: "unreachable", detail: "Connection refused" })).toEqual({
      ok: false,
      error: "The Jobs API could not be reached (Connection refused)",
    });
    expect(healthEventOf({ ok: false, reason: "timeout", detail: "Timed out after 10 s" })).toEqual({
      ok: false,
      error: "The Jobs API did not answer in time (Timed out after 10 s)",
    });
    expect(healthEventOf({ ok: false, reason: "key_refused", httpStatus: 403 })).toEqual({
      ok: false,
      error: "The Jobs API refused this workspace's API key (HTTP 403)",
    });
    expect(healthEventOf({ ok: false, reason: "bad_response", httpStatus: 200 })).toMatchObject({ ok: false });
    expect(healthEventOf({ ok: false, reason: "unsafe_output_url", field: "outputs.0.url" })).toEqual({
      ok: false,
      error: "The Jobs API sent a download link this portal does not hand out (outputs.0.url)",
    });
  });

  it("leaves out answers about the job: unknown, not completed, failed, a request it calls invalid", () => {
    expect(healthEventOf({ ok: false, reason: "not_found" })).toBeNull();
    expect(healthEventOf({ ok: false, reason: "not_completed", status: "merging" })).toBeNull();
    expect(healthEventOf({ ok: false, reason: "failed" })).toBeNull();
    expect(healthEventOf({ ok: false, reason: "invalid_request", message: "expirationSeconds too large" })).toBeNull();
  });

  it("a success ends the run", () => {
    expect(
      healthEventOf({
        ok: true,
        result: { jobId: "job_1", apiProduct: "transcribe", expiresAt: "2026-12-01T12:00:00Z", outputs: [] },
      }),
    ).toEqual({ ok: true });
  });
});
