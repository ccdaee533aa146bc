import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { Suspense } from "react";
import { OverviewView } from "@/components/overview/overview-view";
import { overviewKeys } from "@/components/overview/queries";
import { readOverviewParams } from "@/components/overview/read-overview-params";
import { requireMembership } from "@/lib/auth/session";
import { getOverview } from "@/lib/insight/get-overview";

export const metadata = { title: "Overview" };

// GET /overview — members: the workspace's jobs over a range. The range's data is fetched here and
// handed to the browser's query cache, so the charts paint with data; the browser takes over.
export default async function OverviewPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [membership, raw] = await Promise.all([requireMembership(), searchParams]);
  const params = readOverviewParams(raw);
  const queryClient = new QueryClient();
  await queryClient.prefetchQuery({
    queryKey: overviewKeys.range(params),
    queryFn: () => getOverview(membership.workspaceId, params),
  });
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <Suspense>
        <OverviewView />
      </Suspense>
    </HydrationBoundary>
  );
}
