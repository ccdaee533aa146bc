import { type ApiProduct, type OutputKind, WORKFLOWS } from "@/lib/workflow/workflows";

// One naming rule for downloaded outputs, shared by the zip and the browser's save dialog:
// `job_x.srt` for a single file, `job_x-0.srt`, `job_x-1.srt` … for translate's context files.
const KIND_EXTENSIONS: Record<OutputKind, string> = { srt: "srt", video: "mp4", audio: "m4a" };

/** The extension for an output of `kind`, else from a link's path (`…/path_0.srt?X-Amz-…`), else the workflow's usual output. */
export function extensionOf(url: string | null, product: ApiProduct, kind?: OutputKind): string {
  if (kind) return KIND_EXTENSIONS[kind];
  if (url) {
    const name = new URL(url).pathname.split("/").pop() ?? "";
    const match = /\.([A-Za-z0-9]{1,8})$/.exec(name);
    if (match) return match[1].toLowerCase();
  }
  return KIND_EXTENSIONS[WORKFLOWS[product].output.kind];
}

export function outputFileName(jobId: string, extension: string, outputIndex?: number): string {
  return outputIndex === undefined ? `${jobId}.${extension}` : `${jobId}-${outputIndex}.${extension}`;
}

/** Translate's context files are numbered even when there is one; so is any job with several files. */
export function isIndexedOutput(product: ApiProduct, count: number): boolean {
  return WORKFLOWS[product].output.indexed || count > 1;
}
