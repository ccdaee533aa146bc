import "server-only";
import { prisma } from "@/lib/db/client";
import { confirmEmailMail } from "@/lib/email/confirm-email-mail";
import type { Mailer } from "@/lib/email/mailer";
import { portalUrl } from "@/lib/email/portal-url";
import { signUpAttemptMail } from "@/lib/email/sign-up-attempt-mail";
import { rateLimits } from "@/lib/rate-limit/rate-limits";
import { createOneTimeToken, hashToken } from "./one-time-token";
import type { SignUpInput } from "./schemas";

export const CONFIRMATION_TTL_HOURS = 24;
const CONFIRMATION_TTL_MS = CONFIRMATION_TTL_HOURS * 60 * 60 * 1000;

export interface ConfirmationRequest extends Omit<SignUpInput, "password"> {
  passwordHash: string;
  browserNonce: string;
}

/**
 * One mail either way, so both paths take about as long: a new address gets a confirmation link
 * (the account is created when it is followed, lib/auth/confirm-sign-up.ts); an address that
 * already has an account gets told someone tried, and nothing else happens.
 */
export async function requestSignUpConfirmation(
  request: ConfirmationRequest,
  mailer: Mailer,
  now = new Date(),
): Promise<void> {
  const owner = await prisma.user.findUnique({ where: { email: request.email }, select: { id: true } });
  // Past the address's mail budget nothing is sent, on both paths alike (the answer never says).
  const mayMail = (await rateLimits.signUpMailsPerEmail.consume(request.email)).allowed;
  if (owner) {
    if (mayMail) await mailer.send(request.email, signUpAttemptMail({ signInUrl: portalUrl("/sign-in") }));
    return;
  }
  const { token, tokenHash, expiresAt } = createOneTimeToken(CONFIRMATION_TTL_MS, now);
  // Expired sign-ups are dropped here rather than by a scheduler: the table only grows by sign-ups.
  await prisma.pendingSignUp.deleteMany({ where: { expiresAt: { lte: now } } });
  await prisma.pendingSignUp.create({
    data: {
      email: request.email,
      name: request.name,
      workspaceName: request.workspaceName,
      passwordHash: request.passwordHash,
      tokenHash,
      browserNonceHash: hashToken(request.browserNonce),
      expiresAt,
      lastSentAt: now,
    },
    select: { id: true },
  });
  if (!mayMail) return; // the pending sign-up stays: a resend, later, can still mail its link
  await mailer.send(
    request.email,
    confirmEmailMail({ confirmUrl: portalUrl("/sign-up/confirm", { token }), expiresInHours: CONFIRMATION_TTL_HOURS }),
  );
}
