import type { DownloadResultResponse } from "@/lib/contract/download-result";
import { fetchJson } from "@/lib/http/fetch-json";
import type { JobCounts } from "@/lib/jobs/count-jobs-by-state";
import type { JobPage } from "@/lib/jobs/list-jobs";
import type { JobEventPage, JobEventPayload, SerializedJobDetail } from "@/lib/jobs/serialize-job-detail";
import { normalizeParams, type JobListParams } from "./query-keys";

// The browser's calls to the Jobs session API; errors arrive as RequestError with the server's sentence.
export function fetchJobs(params: JobListParams, signal?: AbortSignal): Promise<JobPage> {
  const query = new URLSearchParams(normalizeParams(params) as unknown as Record<string, string>);
  return fetchJson<JobPage>(`/api/jobs?${query}`, { signal });
}

export function fetchJobCounts(signal?: AbortSignal): Promise<JobCounts> {
  return fetchJson<JobCounts>("/api/jobs/counts", { signal });
}

export function fetchJobDetail(jobId: string, signal?: AbortSignal): Promise<SerializedJobDetail> {
  return fetchJson<SerializedJobDetail>(`/api/jobs/${encodeURIComponent(jobId)}`, { signal });
}

export function fetchJobEvents(jobId: string, before: string, signal?: AbortSignal): Promise<JobEventPage> {
  return fetchJson<JobEventPage>(`/api/jobs/${encodeURIComponent(jobId)}/events?before=${encodeURIComponent(before)}`, { signal });
}

export function fetchJobEventPayload(jobId: string, eventId: string, signal?: AbortSignal): Promise<JobEventPayload> {
  return fetchJson<JobEventPayload>(`/api/jobs/${encodeURIComponent(jobId)}/events/${encodeURIComponent(eventId)}`, { signal });
}

export function postDownloadLinks(jobId: string, expirationSeconds: number): Promise<DownloadResultResponse> {
  return fetchJson<DownloadResultResponse>(`/api/jobs/${encodeURIComponent(jobId)}/download`, {
    method: "POST",
    body: JSON.stringify({ expirationSeconds }),
  });
}

export function downloadAllUrl(jobId: string, expirationSeconds: number): string {
  return `/api/jobs/${encodeURIComponent(jobId)}/download-all?expirationSeconds=${expirationSeconds}`;
}
