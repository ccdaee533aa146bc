import { mutationOptions } from "@tanstack/react-query";
import type { WorkspaceRoutes } from "@/components/routes";
import type { DownloadResultResponse } from "@/lib/contract/download-result";
import { fetchJson } from "@/lib/http/fetch-json";
import { withWorkspaceParam } from "@/lib/http/workspace-selector";
import type { OutputLink } from "@/lib/jobs/types";
import { jobsKeys, jobUrl } from "./queries";

// The Jobs feature's writes. Components call `useMutation(downloadLinksMutation(jobId))`.

/** Asks the portal for fresh presigned links (the portal calls the upstream's download-result). */
export const downloadLinksMutation = (jobId: string) =>
  mutationOptions({
    mutationKey: [...jobsKeys.detail(jobId), "download-links"],
    mutationFn: (expirationSeconds: number) =>
      fetchJson<DownloadResultResponse>(jobUrl(jobId, "/download"), {
        method: "POST",
        body: JSON.stringify({ expirationSeconds }),
      }),
  });

/** The zip of every output, streamed by the portal: a GET the browser downloads, not a fetch. */
export function downloadAllUrl(jobId: string, expirationSeconds: number): string {
  return withWorkspaceParam(jobUrl(jobId, `/download-all?expirationSeconds=${expirationSeconds}`));
}

/** One output's presigned link, fresh each press (Copy presigned link): never cached. */
export const outputLinkMutation = (jobId: string) =>
  mutationOptions({
    mutationKey: [...jobsKeys.detail(jobId), "output-link"],
    mutationFn: ({ outputIndex, expirationSeconds }: { outputIndex: number; expirationSeconds: number }) =>
      fetchJson<OutputLink>(jobUrl(jobId, `/outputs/${outputIndex}/link?expirationSeconds=${expirationSeconds}`)),
  });

/** The output's stable link: a portal page that redirects to a fresh presigned link whenever it is opened. */
export function stableOutputUrl(origin: string, routes: WorkspaceRoutes, jobId: string, outputIndex: number): string {
  return `${origin}${routes.output(jobId, outputIndex)}`;
}
