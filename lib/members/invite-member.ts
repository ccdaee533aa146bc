import "server-only";
import { type AuditActor, recordAudit } from "@/lib/audit/record-audit";
import { createOneTimeToken } from "@/lib/auth/one-time-token";
import { prisma } from "@/lib/db/client";
import { getMailer, type Mailer } from "@/lib/email/mailer";
import { portalUrl } from "@/lib/email/portal-url";
import { ApiError } from "@/lib/http/api-error";
import { assertWithinLimit } from "@/lib/rate-limit/assert-within-limit";
import { rateLimits } from "@/lib/rate-limit/rate-limits";
import { assertActorMay, lockMembers } from "./lock-member";
import type { InviteInput } from "./schemas";
import { INVITE_TTL_DAYS, sendInviteMail } from "./send-invite-mail";
import { inviteSelect, serializeInvite } from "./serialize-invite";
import type { SentInvite } from "./types";

const INVITE_TTL_MS = INVITE_TTL_DAYS * 24 * 60 * 60 * 1000;

/** Spends the workspace's and the inviter's budgets of invites (each may mail a stranger). */
export async function assertInviteBudget(workspaceId: string, userId: string): Promise<void> {
  const message = (wait: string) => `Too many invites in a short time. Try again in ${wait}.`;
  await assertWithinLimit(rateLimits.invitesPerWorkspace, workspaceId, message);
  await assertWithinLimit(rateLimits.invitesPerUser, userId, message);
}

/**
 * Invites an address with a role below owner: a single-use link (256-bit token, SHA-256 at rest)
 * that works for 7 days, always returned for the inviter to copy and mailed when EMAIL_SERVER is
 * set. Inviting an address with a pending invite replaces it (new link, new role, new 7 days);
 * inviting a member is a 409. Audited with the invite.
 */
export async function inviteMember(
  workspaceId: string,
  input: InviteInput,
  actor: AuditActor,
  mailer: Mailer | null = getMailer(),
  now = new Date(),
): Promise<SentInvite> {
  await assertInviteBudget(workspaceId, actor.userId);
  const { token, tokenHash, expiresAt } = createOneTimeToken(INVITE_TTL_MS, now);
  const { invite, workspaceName } = await prisma.$transaction(async (tx) => {
    assertActorMay(await lockMembers(tx, workspaceId, [actor.userId]), actor.userId, "members.write");
    const member = await tx.membership.findFirst({
      where: { workspaceId, user: { email: input.email } },
      select: { id: true },
    });
    if (member) {
      const message = `${input.email} is already a member of this workspace`;
      throw new ApiError("CONFLICT", message, { details: [{ field: "email", issue: message }] });
    }
    const fields = { role: input.role, tokenHash, invitedById: actor.userId, expiresAt, lastSentAt: now };
    const saved = await tx.invite.upsert({
      where: { workspaceId_email: { workspaceId, email: input.email } },
      create: { workspaceId, email: input.email, ...fields },
      update: fields,
      select: { ...inviteSelect, workspace: { select: { name: true } } },
    });
    await recordAudit(tx, {
      workspaceId,
      actor,
      action: "member.invited",
      target: { type: "invite", id: saved.id, label: input.email },
      details: { role: input.role },
    });
    return { invite: saved, workspaceName: saved.workspace.name };
  });
  const inviteUrl = portalUrl("/invite", { token });
  const mail = await sendInviteMail(mailer, {
    email: input.email,
    role: input.role,
    workspaceName,
    inviterEmail: actor.email,
    inviteUrl,
  });
  return { invite: serializeInvite(invite), inviteUrl, mail };
}
