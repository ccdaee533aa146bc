import "server-only";
import { prisma } from "@/lib/db/client";

const BATCH = 1_000;

/**
 * Deletes a deleted workspace's data, a batch of jobs at a time (each cascades to its events,
 * outputs, deliveries and their attempts), then the workspace row itself, which takes the rest
 * (endpoints, refusals, the audit log). Only for a workspace marked deleted; safe to run twice at
 * once or to resume.
 */
export async function purgeWorkspace(workspaceId: string): Promise<void> {
  for (;;) {
    const deleted = await prisma.$executeRaw`
      DELETE FROM "Job" WHERE "id" IN (
        SELECT j."id" FROM "Job" j JOIN "Workspace" w ON w."id" = j."workspaceId"
        WHERE j."workspaceId" = ${workspaceId} AND w."deletedAt" IS NOT NULL LIMIT ${BATCH})`;
    if (deleted < BATCH) break;
  }
  await prisma.workspace.deleteMany({ where: { id: workspaceId, deletedAt: { not: null } } });
}

/** Finishes every purge that was cut short (housekeeping, lib/housekeeping/start-housekeeping.ts). */
export async function purgeDeletedWorkspaces(): Promise<{ purged: number }> {
  const pending = await prisma.workspace.findMany({
    where: { deletedAt: { not: null } },
    select: { id: true },
    take: 20,
  });
  for (const { id } of pending) await purgeWorkspace(id);
  return { purged: pending.length };
}
