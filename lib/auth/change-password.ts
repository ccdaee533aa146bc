import "server-only";
import { prisma } from "@/lib/db/client";
import { ApiError, invalidField } from "@/lib/http/api-error";
import { assertWithinLimit } from "@/lib/rate-limit/assert-within-limit";
import { rateLimits } from "@/lib/rate-limit/rate-limits";
import { hashPassword, verifyPassword } from "./password";

/**
 * Replaces the user's password after checking the current one, and signs out every session (the
 * session version moves on); the browser that changed it signs in again with the new password. A
 * user's changes are limited (each check is a scrypt), so a borrowed session cannot guess the
 * current password. An account without a password (GitHub, email links) sets one by reset link.
 */
export async function changePassword(userId: string, currentPassword: string, newPassword: string): Promise<void> {
  await assertWithinLimit(
    rateLimits.passwordChangesPerUser,
    userId,
    (wait) => `Too many password changes. Try again in ${wait}.`,
  );
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  if (!user) throw new ApiError("UNAUTHORIZED", "Sign in to continue");
  if (!user.passwordHash) {
    throw new ApiError(
      "CONFLICT",
      'Your account has no password yet: you sign in with GitHub or an email link. Set one with "Forgot your password?" on the sign-in page.',
    );
  }
  if (!(await verifyPassword(currentPassword, user.passwordHash)))
    throw invalidField("currentPassword", "That is not your current password");
  if (currentPassword === newPassword)
    throw invalidField("newPassword", "Choose a password other than the current one");
  const passwordHash = await hashPassword(newPassword);
  // Conditional on the hash just checked: two changes at once cannot both win.
  const { count } = await prisma.user.updateMany({
    where: { id: userId, passwordHash: user.passwordHash },
    data: { passwordHash, sessionVersion: { increment: 1 } },
  });
  if (count === 0) throw new ApiError("CONFLICT", "Your password was changed meanwhile. Sign in again.");
}

/** Signs out every session of the user, this one included: each carries the old session version. */
export async function signOutEverywhere(userId: string): Promise<void> {
  await prisma.user.updateMany({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}
