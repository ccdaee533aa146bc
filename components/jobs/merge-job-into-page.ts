import type { JobPage, SerializedJob } from "@/lib/jobs/types";
import { isFirstPage, type JobListParams } from "./queries";

// How one live job change affects one cached page of the list. Pure, so it is unit-tested; the
// live hook applies the verdicts to the query cache.
export type PageVerdict =
  | { action: "replace"; page: JobPage; previous: SerializedJob }
  | { action: "refetch"; previous?: SerializedJob }
  | { action: "none" };

export function matchesFilters(job: SerializedJob, params: JobListParams): boolean {
  if (params.apiProduct && job.apiProduct !== params.apiProduct) return false;
  if (params.state && job.state !== params.state) return false;
  if (params.status && job.status !== params.status) return false;
  if (params.q && !job.id.startsWith(params.q)) return false;
  return true;
}

export function mergeJobIntoPage(page: JobPage, params: JobListParams, job: SerializedJob): PageVerdict {
  const index = page.jobs.findIndex((row) => row.id === job.id);
  if (index >= 0) {
    const previous = page.jobs[index];
    // Updated in place while it still belongs here; a job that left this filter needs the server.
    if (!matchesFilters(job, params)) return { action: "refetch", previous };
    return {
      action: "replace",
      page: { ...page, jobs: page.jobs.map((row, i) => (i === index ? job : row)) },
      previous,
    };
  }
  // A new job, or one that now matches (it completed, under the Completed tab): the first page may
  // have to show it. Later pages are keyset-stable, so they stay as they are.
  return isFirstPage(params) && matchesFilters(job, params) ? { action: "refetch" } : { action: "none" };
}
