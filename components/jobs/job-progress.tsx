import { cn } from "@/components/ui/cn";
import type { JobState, JobStatus } from "@/lib/workflow/workflows";
import { statusStyle } from "./status-style";

export interface JobProgressProps {
  step: number;
  total: number;
  status: JobStatus;
  state: JobState;
  className?: string;
}

/** "Step n of N" with a bar coloured by the job's state. */
export function JobProgress({ step, total, status, state, className }: JobProgressProps) {
  const label = `Step ${step} of ${total}`;
  return (
    <div className={cn("flex min-w-28 flex-col gap-1.5", className)}>
      <span className="text-xs text-subtle tabular-nums">{label}</span>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={step}
        className="h-1.5 w-full overflow-hidden rounded-full bg-emphasis/80"
      >
        <div
          className={cn("h-full rounded-full transition-[width] duration-500 ease-out", statusStyle(status, state).bar)}
          style={{ width: `${Math.round((step / total) * 100)}%` }}
        />
      </div>
    </div>
  );
}
