import "server-only";
import { type AuditActor, recordAudit } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db/client";
import { ApiError } from "@/lib/http/api-error";
import type { RetentionInput } from "./schemas";

const inDays = (days: number) => `${days} ${days === 1 ? "day" : "days"}`;

/**
 * Audited with the old and the new period (a shorter one deletes history). Takes effect at the
 * workers' next pruning round (lib/retention/create-retention-loop.ts).
 */
export async function updateRetention(workspaceId: string, input: RetentionInput, actor: AuditActor): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<Array<{ retentionDays: number }>>`
      SELECT "retentionDays" FROM "Workspace" WHERE "id" = ${workspaceId} AND "deletedAt" IS NULL FOR NO KEY UPDATE`;
    const before = rows[0];
    if (!before) throw new ApiError("RESOURCE_NOT_FOUND", "Workspace not found");
    if (before.retentionDays === input.days) return;
    await tx.workspace.update({
      where: { id: workspaceId },
      data: { retentionDays: input.days },
      select: { id: true },
    });
    await recordAudit(tx, {
      workspaceId,
      actor,
      action: "retention.updated",
      details: { from: inDays(before.retentionDays), to: inDays(input.days) },
    });
  });
}
