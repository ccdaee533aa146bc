import "server-only";
import { type AuditActor, recordAudit } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db/client";
import { ApiError } from "@/lib/http/api-error";
import type { WorkspaceView } from "./types";

/** Renames the workspace; audited with the old and the new name. */
export async function renameWorkspace(workspaceId: string, name: string, actor: AuditActor): Promise<WorkspaceView> {
  return prisma.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<
      Array<{ name: string }>
    >`SELECT "name" FROM "Workspace" WHERE "id" = ${workspaceId} AND "deletedAt" IS NULL FOR NO KEY UPDATE`;
    const before = rows[0];
    if (!before) throw new ApiError("RESOURCE_NOT_FOUND", "Workspace not found");
    if (before.name !== name) {
      await tx.workspace.update({ where: { id: workspaceId }, data: { name }, select: { id: true } });
      await recordAudit(tx, {
        workspaceId,
        actor,
        action: "workspace.renamed",
        details: { from: before.name, to: name },
      });
    }
    return { workspace: { id: workspaceId, name } };
  });
}
