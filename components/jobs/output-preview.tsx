"use client";

import { type KeyboardEvent, useId, useRef, useState } from "react";
import { cn } from "@/components/ui/cn";
import type { SerializedJobOutput } from "@/lib/jobs/types";
import { MediaPlayer } from "./media-player";
import { SubtitleCues } from "./subtitle-cues";

/**
 * A completed job's files, previewed: subtitles as a cue list, video and audio in a player.
 * Several files (translate's context files) are tabs in outputIndex order; arrow keys move between
 * them (WAI-ARIA tabs pattern).
 */
export function OutputPreview({
  jobId,
  outputs,
  nameOf,
}: {
  jobId: string;
  outputs: SerializedJobOutput[];
  nameOf: (output: SerializedJobOutput) => string;
}) {
  const ordered = [...outputs].sort((a, b) => a.outputIndex - b.outputIndex);
  const [selected, setSelected] = useState(ordered[0]?.outputIndex ?? 0);
  const refs = useRef<Array<HTMLButtonElement | null>>([]);
  const baseId = useId();
  const current = ordered.find((output) => output.outputIndex === selected) ?? ordered[0];
  if (!current) return null;
  const tabId = (index: number) => `${baseId}-tab-${index}`;
  const panelId = `${baseId}-panel`;

  function onKeyDown(event: KeyboardEvent, position: number) {
    const targets: Record<string, number> = {
      ArrowRight: position + 1,
      ArrowLeft: position - 1,
      Home: 0,
      End: ordered.length - 1,
    };
    if (!(event.key in targets)) return;
    event.preventDefault();
    const target = (targets[event.key] + ordered.length) % ordered.length;
    refs.current[target]?.focus();
    setSelected(ordered[target].outputIndex);
  }

  const name = nameOf(current);
  return (
    <section aria-label="Preview" className="border-t border-subtle px-6 py-5">
      <h3 className="mb-3 text-sm font-semibold text-emphasis">Preview</h3>
      {ordered.length > 1 && (
        <div
          role="tablist"
          aria-label="File to preview"
          className="-mb-px flex gap-1 overflow-x-auto border-b border-subtle"
        >
          {ordered.map((output, position) => {
            const isSelected = output.outputIndex === current.outputIndex;
            return (
              <button
                key={output.outputIndex}
                ref={(element) => {
                  refs.current[position] = element;
                }}
                id={tabId(output.outputIndex)}
                type="button"
                role="tab"
                aria-selected={isSelected}
                aria-controls={panelId}
                tabIndex={isSelected ? 0 : -1}
                onClick={() => setSelected(output.outputIndex)}
                onKeyDown={(event) => onKeyDown(event, position)}
                className={cn(
                  "-mb-px shrink-0 border-b-2 px-3 pt-1 pb-2 font-mono text-ui whitespace-nowrap transition-colors",
                  "focus-visible:rounded-t-md focus-visible:outline-2 focus-visible:outline-offset-[-2px] focus-visible:outline-focus",
                  isSelected
                    ? "border-brand font-medium text-emphasis"
                    : "border-transparent text-subtle hover:border-default hover:text-emphasis",
                )}
              >
                File {output.outputIndex}
              </button>
            );
          })}
        </div>
      )}
      <div
        id={panelId}
        // A tab panel, labelled by its tab, only when there are tabs.
        {...(ordered.length > 1
          ? { role: "tabpanel", "aria-labelledby": tabId(current.outputIndex), className: "pt-4" }
          : {})}
        data-testid="output-preview"
        data-output-index={current.outputIndex}
      >
        {current.kind === "srt" ? (
          <SubtitleCues key={current.outputIndex} jobId={jobId} outputIndex={current.outputIndex} label={name} />
        ) : (
          <MediaPlayer
            key={current.outputIndex}
            jobId={jobId}
            outputIndex={current.outputIndex}
            kind={current.kind}
            label={name}
          />
        )}
      </div>
    </section>
  );
}
