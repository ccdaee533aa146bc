import { buttonClassName } from "@/components/ui/button";
import { DownloadIcon } from "@/components/ui/icons";
import type { JobListParams } from "./queries";
import { toSearchString } from "./read-list-params";

/** Downloads every job matching the current filters (not just this page) as CSV, streamed by the server. */
export function ExportCsvLink({ params }: { params: JobListParams }) {
  const { after: _after, before: _before, ...filters } = params;
  return (
    <a href={`/api/jobs/export${toSearchString(filters)}`} download className={buttonClassName("secondary", "sm")}>
      <DownloadIcon className="size-3.5" />
      Export CSV
    </a>
  );
}
