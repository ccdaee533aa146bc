import "server-only";
import type { DownloadOutput } from "@/lib/contract/download-result";
import { DEFAULT_EXPIRATION_SECONDS } from "@/lib/contract/download-result";
import { ApiError } from "@/lib/http/api-error";
import { requestCheckedLinks, type TransportOptions } from "./request-download-links";
import type { OutputLink } from "./types";

export const OUTPUT_NOT_FOUND = "Output not found";

/** `{n}` of the output routes: an outputIndex; anything else names no output (404). */
export function parseOutputIndex(n: string): number {
  if (!/^\d{1,4}$/.test(n)) throw new ApiError("RESOURCE_NOT_FOUND", OUTPUT_NOT_FOUND);
  return Number(n);
}

export interface FreshOutputLink {
  output: DownloadOutput & { outputIndex: number };
  /** The Jobs API's origin: files there may be fetched over http (lib/upstream/fetch-output-file.ts). */
  upstreamOrigin: string;
}

/**
 * A fresh presigned link to one output of a completed job, named by its `outputIndex` (a single
 * output's index is 0): what the stable links (/jobs/{jobId}/outputs/{n}, /v1/jobs/{jobId}/outputs/{n})
 * redirect to and the previews load. The upstream's download-result answers for it, with the
 * workspace's own key; every URL in the answer was checked (https, or the Jobs API's own origin).
 */
export async function getFreshOutputLink(
  workspaceId: string,
  upstreamJobId: string,
  outputIndex: number,
  expirationSeconds = DEFAULT_EXPIRATION_SECONDS,
  transport: TransportOptions = {},
): Promise<FreshOutputLink> {
  const { result, upstreamOrigin } = await requestCheckedLinks(
    workspaceId,
    upstreamJobId,
    expirationSeconds,
    transport,
  );
  // The documented shape gives outputIndex only for translate's N files; the others are in order.
  const indexed = result.outputs.map((output, position) => ({
    ...output,
    outputIndex: output.outputIndex ?? position,
  }));
  const output = indexed.find((candidate) => candidate.outputIndex === outputIndex);
  if (!output) throw new ApiError("RESOURCE_NOT_FOUND", OUTPUT_NOT_FOUND);
  return { output, upstreamOrigin };
}

/** The link as the API answers it; `n` as it came in the path. */
export async function getOutputLink(
  workspaceId: string,
  upstreamJobId: string,
  n: string,
  expirationSeconds = DEFAULT_EXPIRATION_SECONDS,
): Promise<OutputLink> {
  const { output } = await getFreshOutputLink(workspaceId, upstreamJobId, parseOutputIndex(n), expirationSeconds);
  return { outputIndex: output.outputIndex, url: output.url, expiresAt: output.expiresAt, sizeBytes: output.sizeBytes };
}
