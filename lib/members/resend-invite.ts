import "server-only";
import { type AuditActor, recordAudit } from "@/lib/audit/record-audit";
import { createOneTimeToken } from "@/lib/auth/one-time-token";
import { prisma } from "@/lib/db/client";
import { getMailer, type Mailer } from "@/lib/email/mailer";
import { portalUrl } from "@/lib/email/portal-url";
import { ApiError } from "@/lib/http/api-error";
import { assertInviteBudget } from "./invite-member";
import { assertActorMay, lockMembers } from "./lock-member";
import { INVITE_TTL_DAYS, sendInviteMail } from "./send-invite-mail";
import { inviteSelect, serializeInvite } from "./serialize-invite";
import type { SentInvite } from "./types";

export const INVITE_NOT_FOUND = "Invite not found: it was accepted or revoked";

/**
 * A fresh link for a pending invite (expired or not): a new token, so the old link stops working,
 * and 7 more days. Mailed again when EMAIL_SERVER is set; returned for the inviter to copy. Audited.
 */
export async function resendInvite(
  workspaceId: string,
  inviteId: string,
  actor: AuditActor,
  mailer: Mailer | null = getMailer(),
  now = new Date(),
): Promise<SentInvite> {
  await assertInviteBudget(workspaceId, actor.userId);
  const { token, tokenHash, expiresAt } = createOneTimeToken(INVITE_TTL_DAYS * 24 * 60 * 60 * 1000, now);
  const invite = await prisma.$transaction(async (tx) => {
    assertActorMay(await lockMembers(tx, workspaceId, [actor.userId]), actor.userId, "members.write");
    const { count } = await tx.invite.updateMany({
      where: { id: inviteId, workspaceId },
      data: { tokenHash, expiresAt, lastSentAt: now, invitedById: actor.userId },
    });
    if (count === 0) throw new ApiError("RESOURCE_NOT_FOUND", INVITE_NOT_FOUND);
    const saved = await tx.invite.findUniqueOrThrow({
      where: { id: inviteId },
      select: { ...inviteSelect, workspace: { select: { name: true } } },
    });
    await recordAudit(tx, {
      workspaceId,
      actor,
      action: "invite.resent",
      target: { type: "invite", id: inviteId, label: saved.email },
      details: { role: saved.role },
    });
    return saved;
  });
  const inviteUrl = portalUrl("/invite", { token });
  const mail = await sendInviteMail(mailer, {
    email: invite.email,
    role: invite.role,
    workspaceName: invite.workspace.name,
    inviterEmail: actor.email,
    inviteUrl,
  });
  return { invite: serializeInvite(invite), inviteUrl, mail };
}
