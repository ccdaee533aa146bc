"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useWorkspaceRoutes } from "@/components/shell/use-workspace-routes";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { copyToClipboard } from "@/components/ui/copy-to-clipboard";
import { formatBytes } from "@/components/ui/format";
import { ArchiveIcon, CheckIcon, DownloadIcon, FileIcon, FilmIcon, LinkIcon } from "@/components/ui/icons";
import { LiveRegion } from "@/components/ui/live-region";
import { DEFAULT_EXPIRATION_SECONDS } from "@/lib/contract/download-result";
import { extensionOf, isIndexedOutput, outputFileName } from "@/lib/jobs/output-file-name";
import type { SerializedJob, SerializedJobOutput } from "@/lib/jobs/types";
import { ExpirationPicker } from "./expiration-picker";
import { httpLink, UnsafeLinkError } from "./http-link";
import { downloadAllUrl, downloadLinksMutation, outputLinkMutation, stableOutputUrl } from "./mutations";
import { OutputLinkNotice } from "./output-link-notice";
import { OutputPreview } from "./output-preview";
import { startDownload } from "./start-download";

type Action = "download" | "copy-stable" | "copy-presigned";
type Busy = { action: Action; index: number } | { action: "zip" } | null;
type Copied = { index: number; kind: "stable" } | { index: number; kind: "presigned"; expiresAt: string } | null;

const KIND_LABELS = { srt: "SRT subtitles", video: "Video", audio: "Audio" } as const;

function EmptyOutputs({ job }: { job: SerializedJob }) {
  const text =
    job.state === "in_progress"
      ? "Outputs are ready to preview and download once the job completes."
      : job.state === "completed"
        ? "The Jobs API reported no output files for this job."
        : "This job did not complete, so it has no output files.";
  return <p className="px-6 py-6 text-center text-sm text-subtle">{text}</p>;
}

/** After "Copy link": the stable link is on the clipboard. Its caller puts it in a LiveRegion. */
function StableLinkNotice() {
  return (
    <p className="mt-2 flex items-start gap-1.5 text-ui text-success sm:ml-12">
      <CheckIcon className="mt-0.5 size-3.5 shrink-0" />
      <span>
        Link copied. It never expires: members of this workspace who open it get the file through a fresh link.
      </span>
    </p>
  );
}

/**
 * The job's files: each with a stable portal link that never expires (Copy link), a fresh presigned
 * link on demand (Copy presigned link, Download, never stored), all of them in a zip, and a preview —
 * subtitles as a searchable cue list (translate's files as tabs), video and audio in a player.
 */
export function JobOutputs({ job, outputs }: { job: SerializedJob; outputs: SerializedJobOutput[] }) {
  const routes = useWorkspaceRoutes();
  const [expiration, setExpiration] = useState<number>(DEFAULT_EXPIRATION_SECONDS);
  const [busy, setBusy] = useState<Busy>(null);
  const [copied, setCopied] = useState<Copied>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const link = useMutation(outputLinkMutation(job.id));
  const links = useMutation(downloadLinksMutation(job.id));
  const indexed = isIndexedOutput(job.apiProduct, outputs.length);
  const nameOf = (output: SerializedJobOutput) =>
    outputFileName(job.id, extensionOf(null, job.apiProduct, output.kind), indexed ? output.outputIndex : undefined);

  async function run(next: Busy, action: () => Promise<void>) {
    setBusy(next);
    setCopied(null);
    setFailure(null);
    try {
      await action();
    } catch (error) {
      setFailure(error instanceof Error ? error.message : "The link could not be made.");
    } finally {
      setBusy(null);
    }
  }

  const presigned = async (output: SerializedJobOutput) => {
    const fresh = await link.mutateAsync({ outputIndex: output.outputIndex, expirationSeconds: expiration });
    const href = httpLink(fresh.url);
    if (!href) throw new UnsafeLinkError();
    return { href, expiresAt: fresh.expiresAt };
  };
  const isBusy = (action: Action, index: number) =>
    busy !== null && busy.action === action && "index" in busy && busy.index === index;

  return (
    <Card>
      <CardHeader className="flex-row flex-wrap items-center justify-between gap-3 py-4">
        <div className="space-y-1">
          <CardTitle>Outputs</CardTitle>
          {outputs.length > 0 && (
            <CardDescription>
              {outputs.length === 1 ? "1 file" : `${outputs.length} files, in order`} ·{" "}
              {formatBytes(outputs.reduce((sum, output) => sum + output.sizeBytes, 0))}
            </CardDescription>
          )}
        </div>
        {outputs.length > 0 && <ExpirationPicker value={expiration} onChange={setExpiration} />}
      </CardHeader>
      {failure && (
        <div className="px-6 pt-4">
          <Alert tone="danger" title="No download link">
            {failure}
          </Alert>
        </div>
      )}
      {outputs.length === 0 ? (
        <EmptyOutputs job={job} />
      ) : (
        <>
          <ul aria-label="Output files" className="divide-y divide-muted">
            {outputs.map((output) => {
              const name = nameOf(output);
              const Icon = output.kind === "srt" ? FileIcon : FilmIcon;
              const index = output.outputIndex;
              return (
                <li key={index} data-testid="job-output" className="px-6 py-3.5">
                  <div className="flex flex-wrap items-center gap-3">
                    <span className="flex size-9 shrink-0 items-center justify-center rounded-md bg-subtle text-subtle">
                      <Icon className="size-4.5" />
                    </span>
                    {/* Wide enough for a job id's file name: the buttons wrap below it first. */}
                    <div className="min-w-0 flex-[1_1_15rem]">
                      <p className="truncate font-mono text-ui font-medium text-emphasis">{name}</p>
                      <p className="text-ui text-subtle">
                        Output {index} · {KIND_LABELS[output.kind]} · {formatBytes(output.sizeBytes)}
                      </p>
                    </div>
                    <div className="ml-auto flex flex-wrap gap-2">
                      <Button
                        variant="secondary"
                        size="sm"
                        aria-label={`Copy link to ${name}`}
                        title="A portal link that never expires"
                        loading={isBusy("copy-stable", index)}
                        disabled={busy !== null}
                        onClick={() =>
                          run({ action: "copy-stable", index }, async () => {
                            await copyToClipboard(stableOutputUrl(window.location.origin, routes, job.id, index));
                            setCopied({ index, kind: "stable" });
                          })
                        }
                      >
                        {!isBusy("copy-stable", index) && <LinkIcon />}
                        Copy link
                      </Button>
                      <Button
                        variant="ghost"
                        size="sm"
                        aria-label={`Copy presigned link to ${name}`}
                        title="The storage's own link, valid for the chosen time"
                        loading={isBusy("copy-presigned", index)}
                        disabled={busy !== null}
                        onClick={() =>
                          run({ action: "copy-presigned", index }, async () => {
                            const fresh = await presigned(output);
                            await copyToClipboard(fresh.href);
                            setCopied({ index, kind: "presigned", expiresAt: fresh.expiresAt });
                          })
                        }
                      >
                        Presigned link
                      </Button>
                      <Button
                        size="sm"
                        aria-label={`Download ${name}`}
                        loading={isBusy("download", index)}
                        disabled={busy !== null}
                        onClick={() =>
                          run({ action: "download", index }, async () => {
                            startDownload((await presigned(output)).href, name);
                          })
                        }
                      >
                        {!isBusy("download", index) && <DownloadIcon />}
                        Download
                      </Button>
                    </div>
                  </div>
                  <LiveRegion>
                    {copied?.index === index &&
                      (copied.kind === "stable" ? (
                        <StableLinkNotice />
                      ) : (
                        <OutputLinkNotice expiresAt={copied.expiresAt} />
                      ))}
                  </LiveRegion>
                </li>
              );
            })}
          </ul>
          {job.state === "completed" && <OutputPreview jobId={job.id} outputs={outputs} nameOf={nameOf} />}
          <CardFooter className="justify-between">
            <p className="text-ui text-subtle">
              Downloads and presigned links are made fresh each time; the portal never keeps them.
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
        </>
      )}
    </Card>
  );
}
