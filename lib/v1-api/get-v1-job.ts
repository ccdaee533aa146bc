import { getJobWithTimelineOrThrow } from "@/lib/jobs/get-job-detail";
import type { V1JobDetail } from "./schemas";
import { toV1Job } from "./to-v1-job";

/** One job of the workspace with its workflow timeline — no events, no payloads loaded; another workspace's job is not found. */
export async function getV1Job(workspaceId: string, jobId: string): Promise<V1JobDetail> {
  const detail = await getJobWithTimelineOrThrow(workspaceId, jobId);
  return { ...toV1Job(detail.job), timeline: detail.timeline, failure: detail.failure, outputs: detail.outputs };
}
