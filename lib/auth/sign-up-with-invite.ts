import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { ApiError, invalidField } from "@/lib/http/api-error";
import { getUsableInvite } from "@/lib/members/accept-invite";
import type { CreatedAccount } from "./create-password-user";

export interface InviteSignUp {
  name: string;
  email: string;
  passwordHash: string;
  inviteToken: string;
}

const TAKEN = "An account with this email already exists. Sign in to accept the invite.";

/**
 * An account made through an invite link: created at once, email marked verified — the invite was
 * sent to (or handed over for) this address by a member who vouches for it, so no confirmation
 * mail is needed — and joined to the invite's workspace with its role instead of getting a
 * workspace of its own. Works whatever SIGN_UP says. The invite is used up in the same
 * transaction (its deletion is the guard), and the join is in the workspace's audit log.
 */
export async function signUpWithInvite(input: InviteSignUp, now = new Date()): Promise<CreatedAccount> {
  try {
    return await prisma.$transaction(async (tx) => {
      const invite = await getUsableInvite(tx, input.inviteToken, now);
      if (invite.email !== input.email) throw invalidField("email", `This invite is for ${invite.email}`);
      const { count } = await tx.invite.deleteMany({ where: { id: invite.id } });
      if (count === 0) throw new ApiError("RESOURCE_NOT_FOUND", "This invite was just used. Sign in instead.");
      const user = await tx.user.create({
        data: { name: input.name, email: input.email, passwordHash: input.passwordHash, emailVerified: now },
        select: { id: true },
      });
      // Sign-ups waiting for a confirmation of this address have nothing left to confirm.
      await tx.pendingSignUp.deleteMany({ where: { email: input.email } });
      await tx.membership.create({
        data: { workspaceId: invite.workspaceId, userId: user.id, role: invite.role },
        select: { id: true },
      });
      await recordAudit(tx, {
        workspaceId: invite.workspaceId,
        actor: { userId: user.id, email: input.email },
        action: "member.joined",
        target: { type: "member", id: user.id, label: input.email },
        details: { role: invite.role, invitedBy: invite.invitedBy?.email ?? null, newAccount: true },
      });
      return { userId: user.id, workspaceId: invite.workspaceId };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new ApiError("CONFLICT", TAKEN, { details: [{ field: "email", issue: TAKEN }] });
    }
    throw error;
  }
}
