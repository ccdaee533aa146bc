import "server-only";
import { type AuditActor, recordAudit } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db/client";
import { ApiError } from "@/lib/http/api-error";
import { lockMembers } from "./lock-member";

/** Leaves the workspace. The owner cannot: a workspace always has one, so they transfer ownership (or delete it) first. Audited. */
export async function leaveWorkspace(workspaceId: string, actor: AuditActor): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const me = (await lockMembers(tx, workspaceId, [actor.userId])).get(actor.userId);
    if (!me) throw new ApiError("RESOURCE_NOT_FOUND", "Workspace not found");
    if (me.role === "owner")
      throw new ApiError(
        "CONFLICT",
        "The owner cannot leave. Transfer ownership to another member first, or delete the workspace.",
      );
    await tx.membership.delete({
      where: { workspaceId_userId: { workspaceId, userId: actor.userId } },
      select: { id: true },
    });
    await recordAudit(tx, {
      workspaceId,
      actor,
      action: "member.left",
      target: { type: "member", id: actor.userId, label: actor.email },
      details: { role: me.role },
    });
  });
}
