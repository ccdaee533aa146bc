import "server-only";
import { prisma } from "@/lib/db/client";
import { confirmEmailMail } from "@/lib/email/confirm-email-mail";
import type { Mailer } from "@/lib/email/mailer";
import { portalUrl } from "@/lib/email/portal-url";
import { rateLimits } from "@/lib/rate-limit/rate-limits";
import { createOneTimeToken, tokenMatches } from "./one-time-token";
import { CONFIRMATION_TTL_HOURS } from "./request-sign-up-confirmation";

/**
 * A fresh link for a sign-up still waiting at this email — the one this browser made if it made
 * one, else the newest — which replaces the old link. Quietly does nothing otherwise: the caller
 * answers the same for every email, so the answer cannot tell which addresses are waiting.
 */
export async function resendSignUpConfirmation(
  email: string,
  browserNonce: string | undefined,
  mailer: Mailer | null,
  now = new Date(),
): Promise<void> {
  if (!mailer) return;
  const waiting = await prisma.pendingSignUp.findMany({
    where: { email, expiresAt: { gt: now } },
    orderBy: { createdAt: "desc" },
    select: { id: true, browserNonceHash: true, lastSentAt: true },
  });
  const pending = waiting.find((row) => browserNonce && tokenMatches(browserNonce, row.browserNonceHash)) ?? waiting[0];
  // How often one address may be mailed is the rate limiters' business: per client address at the
  // route, and the sign-up mail budget of the address itself here.
  if (!pending || !(await rateLimits.signUpMailsPerEmail.consume(email)).allowed) return;
  const { token, tokenHash, expiresAt } = createOneTimeToken(CONFIRMATION_TTL_HOURS * 60 * 60 * 1000, now);
  // Conditional on lastSentAt, so two simultaneous resends send one mail.
  const { count } = await prisma.pendingSignUp.updateMany({
    where: { id: pending.id, lastSentAt: pending.lastSentAt },
    data: { tokenHash, expiresAt, lastSentAt: now },
  });
  if (count === 0) return;
  await mailer.send(
    email,
    confirmEmailMail({ confirmUrl: portalUrl("/sign-up/confirm", { token }), expiresInHours: CONFIRMATION_TTL_HOURS }),
  );
}
