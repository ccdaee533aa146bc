import "server-only";
import { prisma } from "@/lib/db/client";
import { getStepExpectations } from "@/lib/insight/get-step-expectations";
import { findFurthestSteps } from "./find-furthest-steps";
import { jobSelect, type SerializedJob, serializeJob } from "./serialize-job";
import { withExpectation } from "./with-expectation";

/** A job as the Jobs page lists it, by the portal's row id that job_changes notifications carry. */
export async function getChangedJob(workspaceId: string, jobRowId: string): Promise<SerializedJob | null> {
  const row = await prisma.job.findFirst({ where: { id: jobRowId, workspaceId }, select: jobSelect });
  if (!row) return null;
  const [furthest, expectations] = await Promise.all([
    findFurthestSteps(workspaceId, [row]),
    getStepExpectations(workspaceId),
  ]);
  return withExpectation(serializeJob(row, furthest.get(row.id)), row, expectations);
}
