import { env } from "@/lib/env";
import { canonicalBaseUrl } from "./canonical-base-url";

// JOBS_API_BASE_URLS: the Jobs APIs this deployment lets a workspace connect to. The operator
// chooses them; a workspace owner picks one. Read at every call, so a changed list (and a test's
// applyRuntimeEnv) takes effect at once.
export function allowedJobsApiBaseUrls(): string[] {
  return [
    ...new Set(env.JOBS_API_BASE_URLS.map((url) => canonicalBaseUrl(url)).filter((url): url is string => url !== null)),
  ];
}

export function isAllowedBaseUrl(baseUrl: string): boolean {
  const canonical = canonicalBaseUrl(baseUrl);
  return canonical !== null && allowedJobsApiBaseUrls().includes(canonical);
}
