import { once } from "node:events";
import { Readable } from "node:stream";
import archiver from "archiver";
import { logger } from "@/lib/http/logger";
import { extensionOf, isIndexedOutput, outputFileName } from "./output-file-name";
import { requestDownloadLinks } from "./request-download-links";

const FILE_TIMEOUT_MS = 120_000;

export interface OutputsZip {
  fileName: string;
  stream: ReadableStream<Uint8Array>;
}

/**
 * Every output of a job in one zip, in output order, fetched from fresh presigned links and
 * streamed through: the portal never holds a whole file. Upstream errors surface before the
 * first byte (from download-result); a file failing mid-way aborts the archive.
 */
export async function streamOutputsZip(workspaceId: string, upstreamJobId: string, expirationSeconds: number): Promise<OutputsZip> {
  const links = await requestDownloadLinks(workspaceId, upstreamJobId, expirationSeconds);
  const archive = archiver("zip", { zlib: { level: 6 } });
  const cancelled = new AbortController();
  archive.on("close", () => cancelled.abort());
  archive.on("error", () => cancelled.abort());

  const indexed = isIndexedOutput(links.apiProduct, links.outputs.length);
  void (async () => {
    try {
      for (const [position, output] of links.outputs.entries()) {
        const extension = extensionOf(output.url, links.apiProduct);
        const name = outputFileName(upstreamJobId, extension, indexed ? (output.outputIndex ?? position) : undefined);
        const response = await fetch(output.url, { signal: AbortSignal.any([cancelled.signal, AbortSignal.timeout(FILE_TIMEOUT_MS)]) });
        if (!response.ok || !response.body) throw new Error(`output ${position} answered HTTP ${response.status}`);
        const added = once(archive, "entry", { signal: cancelled.signal });
        // Video is already compressed: store it; SRT text shrinks well.
        archive.append(Readable.fromWeb(response.body as never), { name, store: extension !== "srt" });
        await added;
      }
      await archive.finalize();
    } catch (error) {
      if (cancelled.signal.aborted) return; // the client went away
      logger.warn("zip of outputs aborted", { jobId: upstreamJobId, error });
      // Fail the response rather than end it: a truncated zip must not look like a complete one.
      archive.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  })();

  return { fileName: `${upstreamJobId}.zip`, stream: Readable.toWeb(archive) as ReadableStream<Uint8Array> };
}
