"use client";

import { useQuery } from "@tanstack/react-query";
import { type ReactNode, useDeferredValue, useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { formatBytes } from "@/components/ui/format";
import { SearchIcon } from "@/components/ui/icons";
import { Input } from "@/components/ui/input";
import { SkeletonRows } from "@/components/ui/skeleton";
import type { SubtitleCue } from "@/lib/jobs/types";
import { outputCuesQuery } from "./queries";

// An SRT output as a list of cues with their timestamps, searchable. The server reads the file
// (through the guarded client, at most 1 MiB); the page shows at most SHOWN_CUES matches at once.
const SHOWN_CUES = 400;

/** "00:01:02,250", as SRT writes it. */
export function formatCueTime(ms: number): string {
  const pad = (value: number, width = 2) => String(value).padStart(width, "0");
  return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)},${pad(ms % 1000, 3)}`;
}

function highlight(text: string, query: string): ReactNode {
  if (!query) return text;
  const parts: ReactNode[] = [];
  const lower = text.toLowerCase();
  let from = 0;
  for (let at = lower.indexOf(query); at !== -1; at = lower.indexOf(query, at + query.length)) {
    parts.push(
      text.slice(from, at),
      <mark key={at} className="rounded-sm bg-warning px-0.5 text-emphasis">
        {text.slice(at, at + query.length)}
      </mark>,
    );
    from = at + query.length;
  }
  parts.push(text.slice(from));
  return parts;
}

export function matchesCue(cue: SubtitleCue, query: string): boolean {
  return query === "" || cue.text.toLowerCase().includes(query);
}

export function SubtitleCues({ jobId, outputIndex, label }: { jobId: string; outputIndex: number; label: string }) {
  const cues = useQuery(outputCuesQuery(jobId, outputIndex));
  const [search, setSearch] = useState("");
  const query = useDeferredValue(search.trim().toLowerCase());
  const searchId = useId();
  const countId = useId();

  if (cues.isError)
    return (
      <Alert tone="danger" title="The subtitles could not be loaded">
        {cues.error.message}
      </Alert>
    );
  if (!cues.data) return <SkeletonRows count={4} rowClassName="h-9" />;

  const all = cues.data.cues;
  const matching = all.filter((cue) => matchesCue(cue, query));
  return (
    <div className="@container space-y-3" data-testid="subtitle-preview">
      <div className="flex flex-wrap items-center gap-3">
        <div className="relative min-w-48 flex-1">
          <label htmlFor={searchId} className="sr-only">
            Search the subtitles of {label}
          </label>
          <SearchIcon className="pointer-events-none absolute top-2.5 left-3 size-4 text-muted" />
          <Input
            id={searchId}
            type="search"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            placeholder="Search the subtitles"
            aria-describedby={countId}
            className="pl-9"
          />
        </div>
        <p id={countId} className="text-ui text-subtle tabular-nums" data-testid="cue-count" aria-live="polite">
          {query
            ? `${matching.length.toLocaleString("en-US")} of ${all.length.toLocaleString("en-US")} cues`
            : `${all.length.toLocaleString("en-US")} cues`}
        </p>
      </div>
      {cues.data.truncated && (
        <p className="text-ui text-default">
          The file is {formatBytes(cues.data.sizeBytes)}: these are the cues of its first megabyte. Download it for the
          rest.
        </p>
      )}
      {/* A cue puts its times beside its text only where the column is wide enough (a container query). */}
      {matching.length === 0 ? (
        <p className="rounded-md border border-dashed border-default px-4 py-6 text-center text-sm text-subtle">
          {all.length === 0 ? "This file has no subtitle cues this portal can read." : "No cue contains this text."}
        </p>
      ) : (
        <ol
          aria-label={`Subtitles of ${label}`}
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a list that scrolls must take focus (axe scrollable-region-focusable).
          tabIndex={0}
          className="max-h-96 divide-y divide-muted overflow-y-auto rounded-md border border-subtle focus-visible:outline-2 focus-visible:outline-focus"
        >
          {matching.slice(0, SHOWN_CUES).map((cue) => (
            <li
              key={`${cue.index}-${cue.startMs}`}
              data-testid="subtitle-cue"
              className="grid gap-x-4 gap-y-0.5 px-3 py-2 @lg:grid-cols-[auto_minmax(0,1fr)]"
            >
              <span className="font-mono text-caption text-subtle tabular-nums">
                {formatCueTime(cue.startMs)} → {formatCueTime(cue.endMs)}
              </span>
              <span className="text-sm whitespace-pre-line text-emphasis">{highlight(cue.text, query)}</span>
            </li>
          ))}
        </ol>
      )}
      {matching.length > SHOWN_CUES && (
        <p className="text-ui text-subtle">
          Showing the first {SHOWN_CUES} of {matching.length.toLocaleString("en-US")} cues; search to find the others.
        </p>
      )}
    </div>
  );
}
