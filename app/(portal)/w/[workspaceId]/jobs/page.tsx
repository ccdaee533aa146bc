import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { headers } from "next/headers";
import { Suspense } from "react";
import { JobsTableSkeleton } from "@/components/jobs/jobs-table-skeleton";
import { JobsView } from "@/components/jobs/jobs-view";
import { jobsKeys } from "@/components/jobs/queries";
import { readListParams } from "@/components/jobs/read-list-params";
import { requireMembership } from "@/lib/auth/session";
import { readFromReplica } from "@/lib/db/read-from-replica";
import { getPublicOrigin } from "@/lib/http/get-public-origin";
import { readPositionOf } from "@/lib/http/read-position";
import { countJobsByState } from "@/lib/jobs/count-jobs-by-state";
import { countStuckJobs } from "@/lib/jobs/count-stuck-jobs";
import { listJobs } from "@/lib/jobs/list-jobs";
import { DEFAULT_PAGE_SIZE } from "@/lib/jobs/schemas";

export const metadata = { title: "Jobs" };

// GET /jobs — members: the workspace's jobs. The first page and the counts are fetched here (from
// the read replica when it has this browser's changes) and handed to the browser's query cache, so
// the table paints with data; the browser takes over.
export default async function JobsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [membership, raw, requestHeaders] = await Promise.all([requireMembership(), searchParams, headers()]);
  const origin = getPublicOrigin(requestHeaders);
  const read = readFromReplica(readPositionOf(requestHeaders));
  const params = readListParams(raw);
  const queryClient = new QueryClient();
  await Promise.all([
    queryClient.prefetchQuery({
      queryKey: jobsKeys.list(params),
      queryFn: () => read(({ db }) => listJobs(membership.workspaceId, { ...params, limit: DEFAULT_PAGE_SIZE }, db)),
    }),
    queryClient.prefetchQuery({
      queryKey: jobsKeys.counts(),
      queryFn: () => read(({ db }) => countJobsByState(membership.workspaceId, db)),
    }),
    queryClient.prefetchQuery({
      queryKey: jobsKeys.stuckCount(),
      queryFn: () => read(({ db }) => countStuckJobs(membership.workspaceId, new Date(), db)),
    }),
  ]);

  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <Suspense fallback={<JobsTableSkeleton />}>
        <JobsView webhookUrl={`${origin}/api/webhooks/${membership.workspaceId}`} />
      </Suspense>
    </HydrationBoundary>
  );
}
