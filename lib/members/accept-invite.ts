import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { isExpired } from "@/lib/auth/one-time-token";
import type { SignedInUser } from "@/lib/auth/signed-in-user";
import { type Db, prisma } from "@/lib/db/client";
import { ApiError } from "@/lib/http/api-error";
import { findInviteRecord, type InviteRecord } from "./find-invite";
import type { AcceptedInvite } from "./types";

export const INVITE_INVALID =
  "This invite link is no longer valid: it was used, revoked or replaced by a newer one. Ask for a new invite.";
export const INVITE_EXPIRED = "This invite has expired. Ask whoever invited you to send it again.";

/** The invite a link opens, unexpired; else a 404 that says what to do. */
export async function getUsableInvite(tx: Pick<Db, "invite">, token: string, now: Date): Promise<InviteRecord> {
  const invite = await findInviteRecord(tx, token);
  if (!invite) throw new ApiError("RESOURCE_NOT_FOUND", INVITE_INVALID);
  if (isExpired(invite.expiresAt, now)) throw new ApiError("RESOURCE_NOT_FOUND", INVITE_EXPIRED);
  return invite;
}

/**
 * Joins the signed-in user to the invite's workspace with the invite's role, and uses the invite
 * up: deleting it is the guard, so a link opened twice at once joins once. The invite is for one
 * address, and only the account with that email may accept it. Already a member: the invite is
 * used up and nothing else changes. Audited as the newcomer's own act.
 */
export async function acceptInvite(token: string, user: SignedInUser, now = new Date()): Promise<AcceptedInvite> {
  return prisma.$transaction(async (tx) => {
    const invite = await getUsableInvite(tx, token, now);
    if (invite.email !== user.email.toLowerCase()) {
      throw new ApiError(
        "FORBIDDEN",
        `This invite is for ${invite.email}, and you are signed in as ${user.email}. Sign out, then open the link again.`,
      );
    }
    const { count } = await tx.invite.deleteMany({ where: { id: invite.id } });
    if (count === 0) throw new ApiError("RESOURCE_NOT_FOUND", INVITE_INVALID);
    const existing = await tx.membership.findUnique({
      where: { workspaceId_userId: { workspaceId: invite.workspaceId, userId: user.userId } },
      select: { id: true },
    });
    if (!existing) {
      await tx.membership.create({
        data: { workspaceId: invite.workspaceId, userId: user.userId, role: invite.role },
        select: { id: true },
      });
      await recordAudit(tx, {
        workspaceId: invite.workspaceId,
        actor: { userId: user.userId, email: user.email },
        action: "member.joined",
        target: { type: "member", id: user.userId, label: user.email },
        details: { role: invite.role, invitedBy: invite.invitedBy?.email ?? null },
      });
    }
    return { workspaceId: invite.workspaceId };
  });
}
