import "server-only";
import { prisma } from "@/lib/db/client";
import type { Mailer } from "@/lib/email/mailer";
import { passwordResetMail } from "@/lib/email/password-reset-mail";
import { portalUrl } from "@/lib/email/portal-url";
import { rateLimits } from "@/lib/rate-limit/rate-limits";
import { createOneTimeToken } from "./one-time-token";

export const RESET_TTL_MINUTES = 60;
/** The operator's printed link: handed over by hand, so it lasts a day. */
export const OPERATOR_RESET_TTL_HOURS = 24;

async function createReset(userId: string, mailed: boolean, ttlMs: number, now: Date): Promise<string> {
  const { token, tokenHash, expiresAt } = createOneTimeToken(ttlMs, now);
  // Expired links are dropped here rather than by a scheduler: the table only grows by requests.
  await prisma.passwordReset.deleteMany({ where: { expiresAt: { lte: now } } });
  await prisma.passwordReset.create({ data: { userId, tokenHash, mailed, expiresAt }, select: { id: true } });
  return portalUrl("/reset-password", { token });
}

/**
 * "Forgot your password?": mails a one-time link (an hour) when the address has an account. The
 * caller answers the same whatever happens here, so the answer never tells which addresses have
 * accounts; past the address's mail budget nothing is sent, just as silently.
 */
export async function requestPasswordReset(email: string, mailer: Mailer, now = new Date()): Promise<void> {
  const user = await prisma.user.findUnique({ where: { email }, select: { id: true } });
  if (!(await rateLimits.passwordResetMailsPerEmail.consume(email)).allowed || !user) return;
  const resetUrl = await createReset(user.id, true, RESET_TTL_MINUTES * 60 * 1000, now);
  await mailer.send(email, passwordResetMail({ resetUrl, expiresInMinutes: RESET_TTL_MINUTES }));
}

/** For the operator (`npm run user:reset-password -- email`): a one-time link to print; null when no account has that email. */
export async function createOperatorResetLink(email: string, now = new Date()): Promise<string | null> {
  const user = await prisma.user.findUnique({ where: { email: email.toLowerCase() }, select: { id: true } });
  if (!user) return null;
  return createReset(user.id, false, OPERATOR_RESET_TTL_HOURS * 60 * 60 * 1000, now);
}
