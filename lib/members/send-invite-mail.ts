import "server-only";
import { ROLE_LABELS, type Role } from "@/lib/auth/roles";
import { inviteMail } from "@/lib/email/invite-mail";
import type { Mailer } from "@/lib/email/mailer";
import { logger } from "@/lib/log/logger";
import type { SentInvite } from "./types";

export const INVITE_TTL_DAYS = 7;

export interface InviteMailFacts {
  email: string;
  role: Role;
  workspaceName: string;
  inviterEmail: string;
  inviteUrl: string;
}

/**
 * Mails an invite after it is saved. The inviter sees the link either way, so a mail server that
 * refuses costs nothing but the mail: the answer says so and the link can be sent by hand.
 */
export async function sendInviteMail(mailer: Mailer | null, facts: InviteMailFacts): Promise<SentInvite["mail"]> {
  if (!mailer) return "not_configured";
  try {
    await mailer.send(
      facts.email,
      inviteMail({
        workspaceName: facts.workspaceName,
        inviterEmail: facts.inviterEmail,
        roleLabel: ROLE_LABELS[facts.role],
        inviteUrl: facts.inviteUrl,
        expiresInDays: INVITE_TTL_DAYS,
      }),
    );
    return "sent";
  } catch (error) {
    logger.warn({ error }, "invite saved, its mail not sent");
    return "failed";
  }
}
