import { Badge } from "@/components/ui/badge";
import type { JobState, JobStatus } from "@/lib/workflow/workflows";
import { STATUS_LABELS, statusStyle } from "./status-style";

export function StatusChip({ status, state }: { status: JobStatus; state: JobState }) {
  const style = statusStyle(status, state);
  return (
    <Badge tone={style.tone} dot={style.dot} data-testid="job-status">
      {STATUS_LABELS[status]}
    </Badge>
  );
}
