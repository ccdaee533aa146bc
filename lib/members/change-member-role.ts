import "server-only";
import { type AuditActor, recordAudit } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db/client";
import { ApiError } from "@/lib/http/api-error";
import { assertActorMay, lockMembers, MEMBER_NOT_FOUND } from "./lock-member";
import type { ASSIGNABLE_ROLES } from "./schemas";
import type { MemberView } from "./types";

/**
 * Gives a member another role below owner. The owner's role changes only by a transfer, and no one
 * changes their own (another admin or the owner does). Audited with the change, from and to.
 */
export async function changeMemberRole(
  workspaceId: string,
  userId: string,
  role: (typeof ASSIGNABLE_ROLES)[number],
  actor: AuditActor,
): Promise<Pick<MemberView, "userId" | "role">> {
  if (userId === actor.userId)
    throw new ApiError("CONFLICT", "You cannot change your own role. Ask another admin or the owner.");
  return prisma.$transaction(async (tx) => {
    const locked = await lockMembers(tx, workspaceId, [actor.userId, userId]);
    assertActorMay(locked, actor.userId, "members.write");
    const target = locked.get(userId);
    if (!target) throw new ApiError("RESOURCE_NOT_FOUND", MEMBER_NOT_FOUND);
    if (target.role === "owner")
      throw new ApiError("CONFLICT", "The owner's role changes only by transferring ownership");
    if (target.role !== role) {
      await tx.membership.update({
        where: { workspaceId_userId: { workspaceId, userId } },
        data: { role },
        select: { id: true },
      });
      await recordAudit(tx, {
        workspaceId,
        actor,
        action: "member.role_changed",
        target: { type: "member", id: userId, label: target.email },
        details: { from: target.role, to: role },
      });
    }
    return { userId, role };
  });
}
