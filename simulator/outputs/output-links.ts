import type { DownloadOutput } from "@/lib/contract/download-result";
import { isoSeconds } from "../iso-time";
import type { SimJob } from "../jobs/job-store";
import type { Presigner } from "./presign";

export const FILES_PREFIX = "/files";

export function filePath(jobId: string, name: string): string {
  return `${FILES_PREFIX}/${jobId}/${name}`;
}

/** Fresh presigned links to a completed job's outputs, in the documented download-result shape, all expiring together. */
export function presignOutputs(
  job: SimJob,
  presigner: Presigner,
  expiresSeconds: number,
  nowMs: number,
): { expiresAt: string; outputs: DownloadOutput[] } {
  const outputs = (job.outputs ?? []).map((output) => {
    const link = presigner.sign(filePath(job.jobId, output.name), expiresSeconds, nowMs);
    return {
      ...(output.outputIndex === undefined ? {} : { outputIndex: output.outputIndex }),
      url: link.url,
      expiresAt: link.expiresAt,
      sizeBytes: output.body.length,
    };
  });
  return { expiresAt: isoSeconds(Math.floor(nowMs / 1000) * 1000 + expiresSeconds * 1000), outputs };
}
