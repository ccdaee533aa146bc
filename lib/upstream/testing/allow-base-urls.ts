import { applyRuntimeEnv, env } from "@/lib/env";

/** Tests: adds base URLs to JOBS_API_BASE_URLS in this process, as an operator would list them. */
export function allowJobsApiBaseUrls(...urls: string[]): void {
  applyRuntimeEnv({ JOBS_API_BASE_URLS: [...new Set([...env.JOBS_API_BASE_URLS, ...urls])].join(",") });
}

/** Tests: JOBS_API_BASE_URLS set to exactly these. */
export function setJobsApiBaseUrls(...urls: string[]): void {
  applyRuntimeEnv({ JOBS_API_BASE_URLS: urls.join(",") });
}
