import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { notFound } from "next/navigation";
import { JobView } from "@/components/jobs/job-view";
import { jobsKeys } from "@/components/jobs/queries";
import { hasScope } from "@/lib/auth/roles";
import { requireMembership } from "@/lib/auth/session";
import { isRouteId } from "@/lib/http/parse-route-params";
import { getJobDetail } from "@/lib/jobs/get-job-detail";

type Props = { params: Promise<{ jobId: string }> };

export async function generateMetadata({ params }: Props) {
  return { title: (await params).jobId };
}

// GET /jobs/{jobId} — members: one job. Another workspace's job is a 404, like a missing one
// (no loading.tsx here: streaming would fix the status at 200 before notFound()).
export default async function JobPage({ params }: Props) {
  const [{ jobId }, membership] = await Promise.all([params, requireMembership()]);
  // A malformed id names nothing: not found, before any query sees it.
  const detail = isRouteId(jobId) ? await getJobDetail(membership.workspaceId, jobId) : null;
  if (!detail) notFound();

  const queryClient = new QueryClient();
  queryClient.setQueryData(jobsKeys.detail(jobId), detail);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <JobView
        jobId={jobId}
        powers={{
          readDeliveries: hasScope(membership.role, "deliveries.read"),
          writeDeliveries: hasScope(membership.role, "deliveries.write"),
          readSecrets: hasScope(membership.role, "secrets.read"),
        }}
      />
    </HydrationBoundary>
  );
}
