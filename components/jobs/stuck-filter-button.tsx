"use client";

import { useQuery } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { formatCount } from "@/components/ui/format";
import { jobStuckCountQuery } from "./queries";

/** A toggle for the Stuck filter, with how many jobs are stuck right now. */
export function StuckFilterButton({ pressed, onChange }: { pressed: boolean; onChange: (stuck: boolean) => void }) {
  const { data } = useQuery(jobStuckCountQuery());
  return (
    <Button
      variant="secondary"
      size="sm"
      aria-pressed={pressed}
      onClick={() => onChange(!pressed)}
      className={cn(pressed && "border-warning bg-warning text-warning hover:bg-warning")}
    >
      Stuck
      <span
        className={cn(
          "min-w-6 rounded-full px-1.5 py-px text-center text-xs tabular-nums",
          pressed ? "bg-default" : "bg-subtle text-subtle",
        )}
      >
        {data ? formatCount(data.count, data.atLeast) : "–"}
      </span>
    </Button>
  );
}
