import { listJobs } from "@/lib/jobs/list-jobs";
import type { V1JobList, V1ListJobsQuery } from "./schemas";
import { toV1Job } from "./to-v1-job";

/** A page of the workspace's jobs, newest first; `nextCursor` continues it (keyset, so stable). */
export async function listV1Jobs(workspaceId: string, query: V1ListJobsQuery): Promise<V1JobList> {
  const page = await listJobs(workspaceId, {
    apiProduct: query.apiProduct,
    status: query.status,
    after: query.cursor,
    limit: query.limit,
    sort: "newest",
    q: undefined,
  });
  return { data: page.jobs.map(toV1Job), nextCursor: page.nextCursor };
}
