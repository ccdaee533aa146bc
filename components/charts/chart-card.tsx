"use client";

import { type ReactNode, useState } from "react";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";

export interface ChartCardProps {
  title: string;
  description?: ReactNode;
  chart: ReactNode;
  /** The same numbers as a table: for screen readers, for copying, and what tests read. */
  table: ReactNode;
  className?: string;
}

/** A chart with a Chart/Table switch; the table is the chart's accessible twin. */
export function ChartCard({ title, description, chart, table, className }: ChartCardProps) {
  const [view, setView] = useState<"chart" | "table">("chart");
  return (
    <Card className={cn("flex flex-col", className)}>
      <section aria-label={title} className="flex flex-1 flex-col">
        <div className="flex items-start justify-between gap-3 px-5 pt-4">
          <div className="min-w-0">
            <h2 className="text-sm font-semibold text-emphasis">{title}</h2>
            {description && <p className="mt-0.5 text-ui text-subtle">{description}</p>}
          </div>
          <fieldset aria-label={`${title}: view`} className="flex shrink-0 rounded-md border border-default p-0.5">
            {(["chart", "table"] as const).map((option) => (
              <button
                key={option}
                type="button"
                aria-pressed={view === option}
                onClick={() => setView(option)}
                className={cn(
                  "rounded px-2 py-0.5 text-caption font-medium capitalize focus-visible:outline-2 focus-visible:outline-focus",
                  view === option ? "bg-subtle text-emphasis" : "text-subtle hover:text-emphasis",
                )}
              >
                {option}
              </button>
            ))}
          </fieldset>
        </div>
        <div className="flex-1 px-5 pt-3 pb-4">{view === "chart" ? chart : table}</div>
      </section>
    </Card>
  );
}
