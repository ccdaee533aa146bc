import "server-only";
import { prisma } from "@/lib/db/client";
import { ApiError } from "@/lib/http/api-error";
import { rateLimits } from "@/lib/rate-limit/rate-limits";
import { hashToken, isExpired } from "./one-time-token";
import { hashPassword } from "./password";

export const RESET_INVALID =
  "This reset link is no longer valid: it was used, or a newer one was sent. Ask for a new link.";
export const RESET_EXPIRED = "This reset link has expired. Ask for a new one.";

/**
 * Follows a reset link: sets the new password, signs out every session (the session version moves
 * on) and uses up every reset link of the account, in one transaction whose first delete is the
 * single-use guard. A mailed link proves the address, so it marks the email verified; if it was
 * not verified until now, the account may have been set up by someone else before the address's
 * owner came (README, "Account pre-hijacking"), so the other ways in that were linked meanwhile
 * (GitHub) are removed too, and the sessions are already gone: the account is its owner's alone.
 */
export async function completePasswordReset(
  token: string,
  password: string,
  now = new Date(),
): Promise<{ email: string }> {
  const reset = await prisma.passwordReset.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, userId: true, mailed: true, expiresAt: true },
  });
  if (!reset) throw new ApiError("RESOURCE_NOT_FOUND", RESET_INVALID);
  if (isExpired(reset.expiresAt, now)) {
    await prisma.passwordReset.deleteMany({ where: { id: reset.id } });
    throw new ApiError("RESOURCE_NOT_FOUND", RESET_EXPIRED);
  }
  const passwordHash = await hashPassword(password);
  const email = await prisma.$transaction(async (tx) => {
    const { count } = await tx.passwordReset.deleteMany({ where: { id: reset.id } });
    if (count === 0) throw new ApiError("RESOURCE_NOT_FOUND", RESET_INVALID);
    await tx.passwordReset.deleteMany({ where: { userId: reset.userId } });
    const user = await tx.user.findUniqueOrThrow({
      where: { id: reset.userId },
      select: { email: true, emailVerified: true },
    });
    const proves = reset.mailed && !user.emailVerified;
    if (proves) await tx.account.deleteMany({ where: { userId: reset.userId } });
    await tx.user.update({
      where: { id: reset.userId },
      data: { passwordHash, sessionVersion: { increment: 1 }, ...(proves && { emailVerified: now }) },
      select: { id: true },
    });
    return user.email;
  });
  // A forgotten password often comes after a lockout: the new one works at once.
  await rateLimits.signInFailuresPerEmail.reset(email);
  return { email };
}
