import "server-only";
import { type AuditActor, recordAudit } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db/client";
import { ApiError } from "@/lib/http/api-error";
import { assertActorMay, lockMembers } from "./lock-member";
import { INVITE_NOT_FOUND } from "./resend-invite";

/** Deletes a pending invite: its link stops working at once. Audited. */
export async function revokeInvite(workspaceId: string, inviteId: string, actor: AuditActor): Promise<void> {
  await prisma.$transaction(async (tx) => {
    assertActorMay(await lockMembers(tx, workspaceId, [actor.userId]), actor.userId, "members.write");
    const invite = await tx.invite.findFirst({
      where: { id: inviteId, workspaceId },
      select: { email: true, role: true },
    });
    const { count } = await tx.invite.deleteMany({ where: { id: inviteId, workspaceId } });
    if (!invite || count === 0) throw new ApiError("RESOURCE_NOT_FOUND", INVITE_NOT_FOUND);
    await recordAudit(tx, {
      workspaceId,
      actor,
      action: "invite.revoked",
      target: { type: "invite", id: inviteId, label: invite.email },
      details: { role: invite.role },
    });
  });
}
