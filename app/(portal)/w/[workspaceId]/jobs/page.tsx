import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { headers } from "next/headers";
import { Suspense } from "react";
import { JobsTableSkeleton } from "@/components/jobs/jobs-table-skeleton";
import { JobsView } from "@/components/jobs/jobs-view";
import { jobsKeys } from "@/components/jobs/queries";
import { readListParams } from "@/components/jobs/read-list-params";
import { requireMembership } from "@/lib/auth/session";
import { getPublicOrigin } from "@/lib/http/get-public-origin";
import { countJobsByState } from "@/lib/jobs/count-jobs-by-state";
import { listJobs } from "@/lib/jobs/list-jobs";
import { DEFAULT_PAGE_SIZE } from "@/lib/jobs/schemas";

export const metadata = { title: "Jobs" };

// GET /jobs — members: the workspace's jobs. The first page and the counts are fetched here and
// handed to the browser's query cache, so the table paints with data; the browser takes over.
export default async function JobsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [membership, raw, origin] = await Promise.all([
    requireMembership(),
    searchParams,
    headers().then((list) => getPublicOrigin(list)),
  ]);
  const params = readListParams(raw);
  const queryClient = new QueryClient();
  await Promise.all([
    queryClient.prefetchQuery({
      queryKey: jobsKeys.list(params),
      queryFn: () => listJobs(membership.workspaceId, { ...params, limit: DEFAULT_PAGE_SIZE }),
    }),
    queryClient.prefetchQuery({ queryKey: jobsKeys.counts(), queryFn: () => countJobsByState(membership.workspaceId) }),
  ]);

  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <Suspense fallback={<JobsTableSkeleton />}>
        <JobsView webhookUrl={`${origin}/api/webhooks/${membership.workspaceId}`} />
      </Suspense>
    </HydrationBoundary>
  );
}
