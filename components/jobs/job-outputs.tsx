"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { copyToClipboard } from "@/components/ui/copy-to-clipboard";
import { formatBytes } from "@/components/ui/format";
import { ArchiveIcon, DownloadIcon, FileIcon, FilmIcon, LinkIcon } from "@/components/ui/icons";
import { LiveRegion } from "@/components/ui/live-region";
import { DEFAULT_EXPIRATION_SECONDS } from "@/lib/contract/download-result";
import { extensionOf, isIndexedOutput, outputFileName } from "@/lib/jobs/output-file-name";
import type { SerializedJob, SerializedJobOutput } from "@/lib/jobs/types";
import { ExpirationPicker } from "./expiration-picker";
import { httpLink, UnsafeLinkError } from "./http-link";
import { downloadAllUrl, downloadLinksMutation } from "./mutations";
import { OutputLinkNotice } from "./output-link-notice";
import { startDownload } from "./start-download";

type Busy = { action: "download" | "copy"; index: number } | { action: "zip" } | null;

function EmptyOutputs({ job }: { job: SerializedJob }) {
  const text =
    job.state === "in_progress"
      ? "Outputs are ready to download once the job completes."
      : job.state === "completed"
        ? "The Jobs API reported no output files for this job."
        : "This job did not complete, so it has no output files.";
  return <p className="px-6 py-8 text-center text-sm text-subtle">{text}</p>;
}

/** The job's files: fresh links on demand (never stored), one by one or all in a zip. */
export function JobOutputs({ job, outputs }: { job: SerializedJob; outputs: SerializedJobOutput[] }) {
  const [expiration, setExpiration] = useState<number>(DEFAULT_EXPIRATION_SECONDS);
  const [busy, setBusy] = useState<Busy>(null);
  const [copied, setCopied] = useState<{ index: number; expiresAt: string } | null>(null);
  const [unsafeLink, setUnsafeLink] = useState<string | null>(null);
  const links = useMutation(downloadLinksMutation(job.id));
  const indexed = isIndexedOutput(job.apiProduct, outputs.length);
  const nameOf = (output: SerializedJobOutput) =>
    outputFileName(job.id, extensionOf(null, job.apiProduct, output.kind), indexed ? output.outputIndex : undefined);

  async function run(next: Busy, action: () => Promise<void>) {
    setBusy(next);
    setCopied(null);
    setUnsafeLink(null);
    try {
      await action();
    } catch (error) {
      // The mutation keeps its own error; the alert below shows its sentence.
      if (error instanceof UnsafeLinkError) setUnsafeLink(error.message);
    } finally {
      setBusy(null);
    }
  }

  const linkFor = async (output: SerializedJobOutput, position: number) => {
    const result = await links.mutateAsync(expiration);
    const link = result.outputs.find((candidate) => candidate.outputIndex === output.outputIndex) ?? result.outputs[position];
    if (!link) throw new Error("missing link");
    return link;
  };

  return (
    <Card>
      <CardHeader className="flex-row flex-wrap items-center justify-between gap-3 py-4">
        <CardTitle>Outputs</CardTitle>
        {outputs.length > 0 && <ExpirationPicker value={expiration} onChange={setExpiration} />}
      </CardHeader>
      {(links.isError || unsafeLink) && (
        <div className="px-6 pt-4">
          <Alert tone="danger" title="No download link">
            {unsafeLink ?? links.error?.message}
          </Alert>
        </div>
      )}
      {outputs.length === 0 ? (
        <EmptyOutputs job={job} />
      ) : (
        <ul aria-label="Output files" className="divide-y divide-muted">
          {outputs.map((output, position) => {
            const name = nameOf(output);
            const Icon = output.kind === "srt" ? FileIcon : FilmIcon;
            return (
              <li key={output.outputIndex} data-testid="job-output" className="px-6 py-3.5">
                <div className="flex flex-wrap items-center gap-3">
                  <span className="flex size-9 shrink-0 items-center justify-center rounded-md bg-subtle text-subtle">
                    <Icon className="size-4.5" />
                  </span>
                  <div className="min-w-0 flex-1">
                    <p className="truncate font-mono text-ui font-medium text-emphasis">{name}</p>
                    <p className="text-ui text-subtle">
                      Output {output.outputIndex} · {output.kind === "srt" ? "SRT subtitles" : output.kind === "video" ? "Video" : "Audio"} ·{" "}
                      {formatBytes(output.sizeBytes)}
                    </p>
                  </div>
                  <div className="flex gap-2">
                    <Button
                      variant="secondary"
                      size="sm"
                      aria-label={`Copy link to ${name}`}
                      loading={busy?.action === "copy" && busy.index === position}
                      disabled={busy !== null}
                      onClick={() =>
                        run({ action: "copy", index: position }, async () => {
                          const link = await linkFor(output, position);
                          const href = httpLink(link.url);
                          if (!href) throw new UnsafeLinkError();
                          await copyToClipboard(href);
                          setCopied({ index: position, expiresAt: link.expiresAt });
                        })
                      }
                    >
                      {!(busy?.action === "copy" && busy.index === position) && <LinkIcon />}
                      Copy link
                    </Button>
                    <Button
                      size="sm"
                      aria-label={`Download ${name}`}
                      loading={busy?.action === "download" && busy.index === position}
                      disabled={busy !== null}
                      onClick={() =>
                        run({ action: "download", index: position }, async () => {
                          startDownload((await linkFor(output, position)).url, name);
                        })
                      }
                    >
                      {!(busy?.action === "download" && busy.index === position) && <DownloadIcon />}
                      Download
                    </Button>
                  </div>
                </div>
                <LiveRegion>{copied?.index === position && <OutputLinkNotice expiresAt={copied.expiresAt} />}</LiveRegion>
              </li>
            );
          })}
        </ul>
      )}
      {outputs.length > 0 && (
        <CardFooter className="justify-between">
          <p className="text-ui text-subtle">
            {outputs.length === 1 ? "1 file" : `${outputs.length} files, in order`} · {formatBytes(outputs.reduce((sum, output) => sum + output.sizeBytes, 0))}
          </p>
          <Button
            variant="secondary"
            size="sm"
            loading={busy?.action === "zip"}
            disabled={busy !== null}
            onClick={() =>
              run({ action: "zip" }, async () => {
                // Asking for links first turns an upstream problem into a sentence here, not a failed download.
                await links.mutateAsync(expiration);
                startDownload(downloadAllUrl(job.id, expiration), `${job.id}.zip`);
              })
            }
          >
            {busy?.action !== "zip" && <ArchiveIcon />}
            Download all (.zip)
          </Button>
        </CardFooter>
      )}
    </Card>
  );
}
