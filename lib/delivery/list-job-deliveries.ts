import "server-only";
import { prisma } from "@/lib/db/client";
import { ApiError } from "@/lib/http/api-error";
import { type DeliveryView, deliverySelect, serializeDelivery } from "./serialize-delivery";

/** A job's deliveries are few (one per event and endpoint); past this the job page links to the log. */
export const JOB_DELIVERIES_LIMIT = 100;

/**
 * Every delivery of one job to any of the workspace's endpoints, newest first. The job is named by
 * the upstream's id (as on the job page) or the portal's own; another workspace's job is not found.
 */
export async function listJobDeliveries(workspaceId: string, jobId: string): Promise<{ deliveries: DeliveryView[] }> {
  const job = await prisma.job.findFirst({
    where: { workspaceId, OR: [{ upstreamJobId: jobId }, { id: jobId }] },
    select: { id: true },
  });
  if (!job) throw new ApiError("RESOURCE_NOT_FOUND", "Job not found");
  const rows = await prisma.webhookDelivery.findMany({
    where: { workspaceId, jobId: job.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: JOB_DELIVERIES_LIMIT,
    select: deliverySelect,
  });
  return { deliveries: rows.map(serializeDelivery) };
}
