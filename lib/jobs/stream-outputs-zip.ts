import { Readable } from "node:stream";
import archiver, { type Archiver } from "archiver";
import { logger } from "@/lib/log/logger";
import { fetchOutputFile } from "@/lib/upstream/fetch-output-file";
import { extensionOf, isIndexedOutput, outputFileName } from "./output-file-name";
import { requestCheckedLinks, type TransportOptions } from "./request-download-links";

export interface OutputsZip {
  fileName: string;
  stream: ReadableStream<Uint8Array>;
}

/** Resolves once the archive has taken the whole file in; rejects when the file's transfer fails first. */
function appendEntry(archive: Archiver, body: Readable, name: string, store: boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      archive.off("entry", onEntry);
      body.off("error", onError);
    };
    const onEntry = () => {
      cleanup();
      resolve();
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    archive.once("entry", onEntry);
    body.once("error", onError);
    archive.append(body, { name, store });
  });
}

/**
 * Every output of a completed job in one zip, in output order, fetched from fresh presigned links
 * through the guarded client (lib/upstream/fetch-output-file.ts) and streamed through: the portal
 * never holds a whole file. Upstream errors surface before the first byte (from download-result);
 * a file failing mid-way — refused, stalled, cut short — aborts the archive.
 */
export async function streamOutputsZip(
  workspaceId: string,
  upstreamJobId: string,
  expirationSeconds: number,
  transport: TransportOptions = {},
): Promise<OutputsZip> {
  const { result: links, upstreamOrigin } = await requestCheckedLinks(
    workspaceId,
    upstreamJobId,
    expirationSeconds,
    transport,
  );
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
        const body = await fetchOutputFile(output.url, upstreamOrigin, {
          timeouts: transport.fileTimeouts,
          resolve: transport.resolve,
          signal: cancelled.signal,
        });
        // Video is already compressed: store it; SRT text shrinks well.
        await appendEntry(archive, body, name, extension !== "srt");
      }
      await archive.finalize();
    } catch (error) {
      if (cancelled.signal.aborted) return; // the client went away
      logger.warn({ jobId: upstreamJobId, error }, "zip of outputs aborted");
      // Fail the response rather than end it: a truncated zip must not look like a complete one.
      archive.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  })();

  return { fileName: `${upstreamJobId}.zip`, stream: Readable.toWeb(archive) as ReadableStream<Uint8Array> };
}
