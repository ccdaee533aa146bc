"use client";

import { useRef, type KeyboardEvent } from "react";
import { cn } from "@/components/ui/cn";
import type { JobCounts } from "@/lib/jobs/count-jobs-by-state";
import { JOB_STATES, type JobState } from "@/lib/workflow/workflows";
import { formatCount } from "./format";
import { STATE_LABELS } from "./status-style";

const TABS: Array<{ value: JobState | undefined; key: JobState | "all"; label: string }> = [
  { value: undefined, key: "all", label: "All" },
  ...JOB_STATES.map((state) => ({ value: state, key: state, label: STATE_LABELS[state] })),
];

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
    const target = event.key === "Home" ? 0 : event.key === "End" ? TABS.length - 1 : (index + step + TABS.length) % TABS.length;
    if (!step && event.key !== "Home" && event.key !== "End") return;
    event.preventDefault();
    refs.current[target]?.focus();
    onChange(TABS[target].value);
  }

  return (
    <div role="tablist" aria-label="Filter jobs by state" className="-mb-px flex gap-1 overflow-x-auto border-b border-zinc-200 dark:border-zinc-800">
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
            role="tab"
            aria-selected={selected}
            aria-controls={controls}
            tabIndex={selected ? 0 : -1}
            onClick={() => onChange(tab.value)}
            onKeyDown={(event) => onKeyDown(event, index)}
            className={cn(
              "-mb-px flex shrink-0 items-center gap-2 border-b-2 px-3 pt-1 pb-2.5 text-sm font-medium whitespace-nowrap transition-colors",
              "focus-visible:rounded-t-md focus-visible:outline-2 focus-visible:outline-offset-[-2px] focus-visible:outline-brand-500",
              selected
                ? "border-brand-600 text-zinc-900 dark:border-brand-500 dark:text-zinc-50"
                : "border-transparent text-zinc-500 hover:border-zinc-300 hover:text-zinc-800 dark:text-zinc-400 dark:hover:border-zinc-700 dark:hover:text-zinc-200",
            )}
          >
            {tab.label}
            <span
              className={cn(
                "min-w-6 rounded-full px-1.5 py-px text-center text-xs tabular-nums",
                selected ? "bg-brand-50 text-brand-700 dark:bg-brand-500/15 dark:text-brand-100" : "bg-zinc-100 text-zinc-600 dark:bg-zinc-800 dark:text-zinc-400",
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
