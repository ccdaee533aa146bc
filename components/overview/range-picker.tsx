"use client";

import { type FormEvent, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Input } from "@/components/ui/input";
import { OVERVIEW_RANGES, type OverviewRange, overviewQuerySchema } from "@/lib/insight/schemas";
import type { OverviewParams } from "./queries";

const LABELS: Record<OverviewRange, string> = {
  "24h": "24 h",
  "7d": "7 d",
  "30d": "30 d",
  "90d": "90 d",
  custom: "Custom",
};

/** Preset ranges as a segmented control; Custom opens two date fields. */
export function RangePicker({
  value,
  onChange,
}: {
  value: OverviewParams;
  onChange: (params: OverviewParams) => void;
}) {
  const id = useId();
  const [custom, setCustom] = useState(value.range === "custom");
  const [from, setFrom] = useState(value.from ?? "");
  const [to, setTo] = useState(value.to ?? "");
  const [problem, setProblem] = useState<string | null>(null);

  function apply(event: FormEvent) {
    event.preventDefault();
    const parsed = overviewQuerySchema.safeParse({ range: "custom", from, to });
    if (!parsed.success) return setProblem(parsed.error.issues[0]?.message ?? "Choose two dates");
    setProblem(null);
    onChange({ range: "custom", from, to });
  }

  return (
    <div className="flex flex-col items-end gap-2">
      <fieldset aria-label="Range" className="flex rounded-md border border-default bg-default p-0.5 shadow-xs">
        {OVERVIEW_RANGES.map((range) => {
          const pressed = range === "custom" ? custom : !custom && value.range === range;
          return (
            <button
              key={range}
              type="button"
              aria-pressed={pressed}
              onClick={() => {
                setCustom(range === "custom");
                if (range !== "custom") onChange({ range });
              }}
              className={cn(
                "rounded px-2.5 py-1 text-ui font-medium focus-visible:outline-2 focus-visible:outline-focus",
                pressed ? "bg-brand text-brand" : "text-subtle hover:text-emphasis",
              )}
            >
              {LABELS[range]}
            </button>
          );
        })}
      </fieldset>
      {custom && (
        <form onSubmit={apply} className="flex flex-wrap items-center justify-end gap-2" noValidate>
          <label htmlFor={`${id}-from`} className="text-ui text-subtle">
            From
          </label>
          <Input
            id={`${id}-from`}
            type="date"
            value={from}
            onChange={(event) => setFrom(event.target.value)}
            className="w-40"
          />
          <label htmlFor={`${id}-to`} className="text-ui text-subtle">
            to
          </label>
          <Input
            id={`${id}-to`}
            type="date"
            value={to}
            onChange={(event) => setTo(event.target.value)}
            className="w-40"
          />
          <Button type="submit" variant="secondary" size="sm">
            Apply
          </Button>
          {problem && (
            <p role="alert" className="w-full text-right text-ui text-danger">
              {problem}
            </p>
          )}
        </form>
      )}
    </div>
  );
}
