import "server-only";
import { prisma } from "@/lib/db/client";
import { findFurthestSteps } from "./find-furthest-steps";
import { jobSelect, type SerializedJob, serializeJob } from "./serialize-job";

/** A job as the Jobs page lists it, by the portal's row id that job_changes notifications carry. */
export async function getChangedJob(workspaceId: string, jobRowId: string): Promise<SerializedJob | null> {
  const row = await prisma.job.findFirst({ where: { id: jobRowId, workspaceId }, select: jobSelect });
  if (!row) return null;
  const furthest = await findFurthestSteps(workspaceId, [row]);
  return serializeJob(row, furthest.get(row.id));
}
