import "server-only";
import { type AuditActor, recordAudit } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db/client";
import { ApiError } from "@/lib/http/api-error";
import { assertActorMay, lockMembers, MEMBER_NOT_FOUND } from "./lock-member";

/**
 * Makes another member the owner; the owner becomes an admin. Both rows are locked and both
 * changes commit together, so the workspace has exactly one owner before and after, whatever
 * runs at the same time. Audited.
 */
export async function transferOwnership(workspaceId: string, toUserId: string, actor: AuditActor): Promise<void> {
  if (toUserId === actor.userId) throw new ApiError("CONFLICT", "You already own this workspace");
  await prisma.$transaction(async (tx) => {
    const locked = await lockMembers(tx, workspaceId, [actor.userId, toUserId]);
    assertActorMay(locked, actor.userId, "workspace.transfer");
    const target = locked.get(toUserId);
    if (!target) throw new ApiError("RESOURCE_NOT_FOUND", MEMBER_NOT_FOUND);
    await tx.membership.update({
      where: { workspaceId_userId: { workspaceId, userId: actor.userId } },
      data: { role: "admin" },
      select: { id: true },
    });
    await tx.membership.update({
      where: { workspaceId_userId: { workspaceId, userId: toUserId } },
      data: { role: "owner" },
      select: { id: true },
    });
    await recordAudit(tx, {
      workspaceId,
      actor,
      action: "ownership.transferred",
      target: { type: "member", id: toUserId, label: target.email },
      details: { previousOwner: actor.email, previousRoleOfNewOwner: target.role },
    });
  });
}
