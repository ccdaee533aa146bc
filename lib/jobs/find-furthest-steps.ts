import "server-only";
import { type Db, prisma } from "@/lib/db/client";
import { isFailureStatus, STEP_STATUSES, type StepStatus, stepIndex } from "@/lib/workflow/workflows";
import type { JobRow } from "./serialize-job";

/**
 * For failed and rejected jobs, the furthest workflow step each reached, from its stored events:
 * the job row keeps only the terminal status, but "step n of N" should say where it stopped.
 * One indexed query (JobEvent by jobId) for the whole page; other jobs need none.
 */
export async function findFurthestSteps(
  workspaceId: string,
  rows: JobRow[],
  db: Db = prisma,
): Promise<Map<string, StepStatus>> {
  const failed = rows.filter((row) => isFailureStatus(row.status));
  const furthest = new Map<string, StepStatus>();
  if (failed.length === 0) return furthest;
  const events = await db.jobEvent.findMany({
    where: { workspaceId, jobId: { in: failed.map((row) => row.id) }, status: { in: [...STEP_STATUSES] } },
    select: { jobId: true, status: true },
  });
  const products = new Map(failed.map((row) => [row.id, row.apiProduct]));
  for (const event of events) {
    const product = products.get(event.jobId);
    const status = event.status as StepStatus;
    if (!product || stepIndex(product, status) < 0) continue;
    const current = furthest.get(event.jobId);
    if (!current || stepIndex(product, status) > stepIndex(product, current)) furthest.set(event.jobId, status);
  }
  return furthest;
}
