import "server-only";
import { prisma } from "@/lib/db/client";
import { ApiError } from "@/lib/http/api-error";
import { logger } from "@/lib/log/logger";
import { describeOutboundFailure } from "@/lib/outbound/describe-outbound-failure";
import { readPrefix } from "@/lib/outbound/read-body";
import { fetchOutputFile } from "@/lib/upstream/fetch-output-file";
import { getJobOrThrow } from "./get-job-or-throw";
import { getFreshOutputLink, OUTPUT_NOT_FOUND } from "./get-output-link";
import { parseSubtitleCues } from "./parse-subtitle-cues";
import type { TransportOptions } from "./request-download-links";
import type { OutputCues } from "./types";

// The subtitle preview: an SRT output read by the server through the same guarded path as the zip
// (a fresh link from download-result, the file from an https public address or the Jobs API's own
// origin, redirects never followed), at most MAX_PREVIEW_BYTES of it, parsed into cues. A longer
// file is previewed from its start; the page says so and offers the download.
export const MAX_PREVIEW_BYTES = 1024 * 1024;
export const MAX_PREVIEW_CUES = 10_000;
// The link only has to last for this one read.
const PREVIEW_LINK_SECONDS = 300;

export async function readOutputCues(
  workspaceId: string,
  upstreamJobId: string,
  outputIndex: number,
  transport: TransportOptions = {},
): Promise<OutputCues> {
  const job = await getJobOrThrow(workspaceId, upstreamJobId);
  const stored = await prisma.jobOutput.findFirst({
    where: { jobId: job.id, job: { workspaceId }, outputIndex },
    select: { kind: true },
  });
  if (!stored) throw new ApiError("RESOURCE_NOT_FOUND", OUTPUT_NOT_FOUND);
  if (stored.kind !== "srt") throw new ApiError("INVALID_REQUEST", "Only subtitle (SRT) outputs have a text preview");
  const { output, upstreamOrigin } = await getFreshOutputLink(
    workspaceId,
    upstreamJobId,
    outputIndex,
    PREVIEW_LINK_SECONDS,
    transport,
  );
  let bytes: Buffer;
  try {
    const body = await fetchOutputFile(output.url, upstreamOrigin, {
      timeouts: transport.fileTimeouts,
      resolve: transport.resolve,
    });
    const read = await readPrefix(body, MAX_PREVIEW_BYTES);
    if (read.error) throw read.error;
    bytes = read.bytes;
  } catch (error) {
    const sentence = describeOutboundFailure(error, { jobId: upstreamJobId });
    logger.warn({ jobId: upstreamJobId, outputIndex }, "subtitle preview could not be read");
    throw new ApiError("UPSTREAM_UNAVAILABLE", `The subtitle file could not be read: ${sentence}`, { status: 502 });
  }
  const truncated = bytes.length >= MAX_PREVIEW_BYTES && output.sizeBytes > MAX_PREVIEW_BYTES;
  // A cut file may end inside a character or a cue: the decoder is not fatal, the last cue may be partial.
  const cues = parseSubtitleCues(
    new TextDecoder("utf-8").decode(bytes.subarray(0, MAX_PREVIEW_BYTES)),
    MAX_PREVIEW_CUES,
  );
  return { outputIndex, sizeBytes: output.sizeBytes, truncated, cues };
}
