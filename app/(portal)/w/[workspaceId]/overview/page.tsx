import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { headers } from "next/headers";
import { Suspense } from "react";
import { OverviewView } from "@/components/overview/overview-view";
import { overviewKeys } from "@/components/overview/queries";
import { readOverviewParams } from "@/components/overview/read-overview-params";
import { requireMembership } from "@/lib/auth/session";
import { readFromReplica } from "@/lib/db/read-from-replica";
import { readPositionOf } from "@/lib/http/read-position";
import { getOverview } from "@/lib/insight/get-overview";

export const metadata = { title: "Overview" };

// GET /overview — members: the workspace's jobs over a range. The range's data is fetched here (from
// the read replica when it has this browser's changes) and handed to the browser's query cache, so
// the charts paint with data; the browser takes over.
export default async function OverviewPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [membership, raw, requestHeaders] = await Promise.all([requireMembership(), searchParams, headers()]);
  const read = readFromReplica(readPositionOf(requestHeaders));
  const params = readOverviewParams(raw);
  const queryClient = new QueryClient();
  await queryClient.prefetchQuery({
    queryKey: overviewKeys.range(params),
    queryFn: () => read(({ db }) => getOverview(membership.workspaceId, params, new Date(), db)),
  });
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <Suspense>
        <OverviewView />
      </Suspense>
    </HydrationBoundary>
  );
}
