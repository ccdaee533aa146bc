import "server-only";
import { type AuditActor, recordAudit } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db/client";
import { ApiError } from "@/lib/http/api-error";
import { assertActorMay, lockMembers, MEMBER_NOT_FOUND } from "./lock-member";

/**
 * Removes a member below the owner: their next request in this workspace is refused. Their API
 * keys stay (they act for the workspace, not the person; revoke them on the API keys page). You
 * leave rather than remove yourself. Audited.
 */
export async function removeMember(workspaceId: string, userId: string, actor: AuditActor): Promise<void> {
  if (userId === actor.userId) throw new ApiError("CONFLICT", "To remove yourself, leave the workspace");
  await prisma.$transaction(async (tx) => {
    const locked = await lockMembers(tx, workspaceId, [actor.userId, userId]);
    assertActorMay(locked, actor.userId, "members.write");
    const target = locked.get(userId);
    if (!target) throw new ApiError("RESOURCE_NOT_FOUND", MEMBER_NOT_FOUND);
    if (target.role === "owner")
      throw new ApiError("CONFLICT", "The owner cannot be removed. They can transfer ownership first.");
    await tx.membership.delete({ where: { workspaceId_userId: { workspaceId, userId } }, select: { id: true } });
    await recordAudit(tx, {
      workspaceId,
      actor,
      action: "member.removed",
      target: { type: "member", id: userId, label: target.email },
      details: { role: target.role },
    });
  });
}
