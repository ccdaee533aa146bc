import "server-only";
import { healthEventOf } from "./download-health-event";
import { type DownloadResultCall, type DownloadResultOutcome, requestDownloadResult } from "./download-result";
import { recordDownloadHealth } from "./record-download-health";

/**
 * download-result for a workspace, with the outcome recorded in its DownloadResultHealth: the way
 * every caller with a workspace asks (members' links and zips, /v1, delivery workers all pass
 * through lib/jobs/request-download-links.ts; Test connection records its probe itself), so the
 * download_failing alert sees every failure whoever met it.
 */
export async function callDownloadResult(
  workspaceId: string,
  call: DownloadResultCall,
): Promise<DownloadResultOutcome> {
  const outcome = await requestDownloadResult(call);
  await recordDownloadHealth(workspaceId, healthEventOf(outcome));
  return outcome;
}
