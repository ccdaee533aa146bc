import { Card } from "@/components/ui/card";
import { formatCost, formatMediaDuration } from "@/components/ui/format";
import type { SerializedJob } from "@/lib/jobs/types";
import { JobProgress } from "./job-progress";

function Stat({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Card className="px-5 py-4">
      <dt className="text-xs font-medium tracking-wide text-subtle uppercase">{label}</dt>
      <dd className="mt-2 text-lg font-semibold text-emphasis tabular-nums">{children}</dd>
    </Card>
  );
}

export function JobSummary({ job }: { job: SerializedJob }) {
  return (
    <dl className="mb-6 grid grid-cols-2 gap-4 lg:grid-cols-4">
      <Stat label="Progress">
        <JobProgress
          {...job.progress}
          status={job.status}
          state={job.state}
          className="mt-1 [&>span]:text-sm [&>span]:font-semibold [&>span]:text-emphasis"
        />
      </Stat>
      <Stat label="Media duration">{formatMediaDuration(job.duration)}</Stat>
      <Stat label="Cost">{formatCost(job.cost)}</Stat>
      <Stat label="Words">{job.wordCount === null ? "—" : job.wordCount.toLocaleString("en-US")}</Stat>
    </dl>
  );
}
