import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { workspaceRoutes } from "@/components/routes";
import { buttonClassName } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { AlertIcon } from "@/components/ui/icons";
import { requireMembership } from "@/lib/auth/session";
import { ApiError } from "@/lib/http/api-error";
import { isRouteId } from "@/lib/http/parse-route-params";
import { getOutputLink } from "@/lib/jobs/get-output-link";

type Props = { params: Promise<{ jobId: string; n: string }> };

export const metadata = { title: "Output" };

// GET /w/{workspaceId}/jobs/{jobId}/outputs/{n} — members: the output's stable link. It never expires: each visit
// redirects to a fresh presigned link from the Jobs API. A signed-out visitor signs in first and
// comes back (proxy.ts), a bare /jobs/{jobId}/outputs/{n} opens in the user's workspace; another workspace's job is not found; a job without files says why.
export default async function OutputLinkPage({ params }: Props) {
  const [{ jobId, n }, membership] = await Promise.all([params, requireMembership()]);
  if (!isRouteId(jobId)) notFound();
  let url: string;
  try {
    url = (await getOutputLink(membership.workspaceId, jobId, n)).url;
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.code === "RESOURCE_NOT_FOUND" && error.status === 404) notFound();
    return (
      <EmptyState
        className="mt-10"
        icon={<AlertIcon className="size-5" />}
        title="This output cannot be opened right now"
        description={error.message}
        action={
          <Link href={workspaceRoutes(membership.workspaceId).job(jobId)} className={buttonClassName("primary", "sm")}>
            Go to the job
          </Link>
        }
      />
    );
  }
  redirect(url);
}
