"use client";

import { useParams } from "next/navigation";
import { buttonClassName } from "@/components/ui/button";
import { DownloadIcon } from "@/components/ui/icons";
import { WORKSPACE_PARAM } from "@/lib/http/workspace-selector";
import type { JobListParams } from "./queries";
import { toSearchString } from "./read-list-params";

/**
 * Downloads every job matching the current filters (not just this page) as CSV, streamed by the
 * server. A download link cannot send the workspace header, so it names this page's workspace in
 * its query (lib/http/workspace-selector.ts).
 */
export function ExportCsvLink({ params }: { params: JobListParams }) {
  const { workspaceId } = useParams<{ workspaceId: string }>();
  const { after: _after, before: _before, ...filters } = params;
  const search = new URLSearchParams(toSearchString(filters));
  search.set(WORKSPACE_PARAM, workspaceId);
  return (
    <a href={`/api/jobs/export?${search}`} download className={buttonClassName("secondary", "sm")}>
      <DownloadIcon className="size-3.5" />
      Export CSV
    </a>
  );
}
