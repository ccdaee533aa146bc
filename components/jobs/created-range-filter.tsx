"use client";

import { useId } from "react";
import { Input } from "@/components/ui/input";
import type { JobListParams } from "./queries";

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Created between two days (UTC, both included); either end may stay empty. */
export function CreatedRangeFilter({
  params,
  onChange,
}: {
  params: JobListParams;
  onChange: (patch: Partial<JobListParams>) => void;
}) {
  const id = useId();
  // A date input reports "" while a date is half typed: only whole dates (or a cleared field) filter.
  const change = (key: "createdFrom" | "createdTo", value: string) => {
    if (value === "" || DAY.test(value)) onChange({ [key]: value || undefined });
  };
  return (
    <div className="flex items-center gap-1.5">
      <label htmlFor={`${id}-from`} className="text-ui whitespace-nowrap text-subtle">
        Created from
      </label>
      <Input
        id={`${id}-from`}
        type="date"
        value={params.createdFrom ?? ""}
        max={params.createdTo}
        onChange={(event) => change("createdFrom", event.target.value)}
        className="h-8 w-36 text-ui"
      />
      <label htmlFor={`${id}-to`} className="text-ui text-subtle">
        to
      </label>
      <Input
        id={`${id}-to`}
        type="date"
        value={params.createdTo ?? ""}
        min={params.createdFrom}
        onChange={(event) => change("createdTo", event.target.value)}
        className="h-8 w-36 text-ui"
      />
    </div>
  );
}
