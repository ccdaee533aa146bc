import type { DownloadResultOutcome } from "./download-result";

// What one download-result answer says about the Jobs API's health, for the workspace's record
// (record-download-health.ts) and the download_failing alert. Only the upstream's own failures
// count: a server error, no answer, a refused key (the key is the problem), an answer off the
// contract. A 404 (a job the Jobs API does not know under this key), a job not completed or
// failed, or a request it calls invalid are answers about the job from an upstream that works:
// they neither count nor end a run of failures.
export type DownloadHealthEvent = { ok: true } | { ok: false; error: string };

/** The event of one answer, or null for one that says nothing about the upstream's health. */
export function healthEventOf(outcome: DownloadResultOutcome): DownloadHealthEvent | null {
  if (outcome.ok) return { ok: true };
  // Plain sentences: the record is shown to members and sent in alerts, so never a URL or a key.
  switch (outcome.reason) {
    case "key_refused":
      return { ok: false, error: `The Jobs API refused this workspace's API key (HTTP ${outcome.httpStatus})` };
    case "timeout":
      return { ok: false, error: `The Jobs API did not answer in time (${outcome.detail})` };
    case "unreachable":
      return {
        ok: false,
        error: /^HTTP \d+$/.test(outcome.detail)
          ? `The Jobs API answered with a server error (${outcome.detail})`
          : `The Jobs API could not be reached (${outcome.detail})`,
      };
    case "bad_response":
      return {
        ok: false,
        error: `The Jobs API sent an answer off its documented contract (HTTP ${outcome.httpStatus})`,
      };
    case "unsafe_output_url":
      return { ok: false, error: `The Jobs API sent a download link this portal does not hand out (${outcome.field})` };
    case "not_found":
    case "not_completed":
    case "failed":
    case "invalid_request":
      return null;
  }
}
