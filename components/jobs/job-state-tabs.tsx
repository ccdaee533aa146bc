"use client";

import { type KeyboardEvent, useRef } from "react";
import { cn } from "@/components/ui/cn";
import { formatCount } from "@/components/ui/format";
import type { JobCounts } from "@/lib/jobs/types";
import { JOB_STATES, type JobState } from "@/lib/workflow/workflows";
import { STATE_LABELS } from "./status-style";

const TABS: Array<{ value: JobState | undefined; key: JobState | "all"; label: string }> = [
  { value: undefined, key: "all", label: "All" },
  ...JOB_STATES.map((state) => ({ value: state, key: state, label: STATE_LABELS[state] })),
];

/** The id of a state's tab, so the panel can name the selected one. */
export function tabId(controls: string, state: JobState | undefined): string {
  return `${controls}-tab-${state ?? "all"}`;
}

export interface JobStateTabsProps {
  value: JobState | undefined;
  counts: JobCounts | undefined;
  onChange: (state: JobState | undefined) => void;
  /** The id of the list the tabs filter. */
  controls: string;
}

/** Filter tabs by state, with counts. Arrow keys move between tabs (WAI-ARIA tabs pattern). */
export function JobStateTabs({ value, counts, onChange, controls }: JobStateTabsProps) {
  const refs = useRef<Array<HTMLButtonElement | null>>([]);

  function onKeyDown(event: KeyboardEvent, index: number) {
    const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
    const target =
      event.key === "Home" ? 0 : event.key === "End" ? TABS.length - 1 : (index + step + TABS.length) % TABS.length;
    if (!step && event.key !== "Home" && event.key !== "End") return;
    event.preventDefault();
    refs.current[target]?.focus();
    onChange(TABS[target].value);
  }

  return (
    <div
      role="tablist"
      aria-label="Filter jobs by state"
      className="-mb-px flex gap-1 overflow-x-auto border-b border-subtle"
    >
      {TABS.map((tab, index) => {
        const selected = tab.value === value;
        const count = counts?.[tab.key];
        return (
          <button
            key={tab.key}
            ref={(element) => {
              refs.current[index] = element;
            }}
            type="button"
            id={tabId(controls, tab.value)}
            role="tab"
            aria-selected={selected}
            aria-controls={controls}
            tabIndex={selected ? 0 : -1}
            onClick={() => onChange(tab.value)}
            onKeyDown={(event) => onKeyDown(event, index)}
            className={cn(
              "-mb-px flex shrink-0 items-center gap-2 border-b-2 px-3 pt-1 pb-2.5 text-sm font-medium whitespace-nowrap transition-colors",
              "focus-visible:rounded-t-md focus-visible:outline-2 focus-visible:outline-offset-[-2px] focus-visible:outline-focus",
              selected
                ? "border-brand text-emphasis"
                : "border-transparent text-subtle hover:border-default hover:text-emphasis",
            )}
          >
            {tab.label}
            <span
              className={cn(
                "min-w-6 rounded-full px-1.5 py-px text-center text-xs tabular-nums",
                selected ? "bg-brand text-brand" : "bg-subtle text-subtle",
              )}
            >
              {count ? formatCount(count.count, count.atLeast) : "–"}
            </span>
          </button>
        );
      })}
    </div>
  );
}
