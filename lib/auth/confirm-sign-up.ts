import "server-only";
import { prisma } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { createPasswordUser } from "./create-password-user";
import { hashToken, isExpired, tokenMatches } from "./one-time-token";
import { verifyPassword } from "./password";

/** Why a confirmation link did not open an account; next-auth carries the code to the page. */
export type ConfirmSignUpFailure =
  /** Unknown, expired or already used: the same to anyone who asks. */
  | "ConfirmationInvalid"
  /** Opened in another browser than the sign-up's: the password chosen at sign-up is needed. */
  | "ConfirmationPasswordRequired"
  | "ConfirmationPasswordWrong"
  /** The email got an account meanwhile (another sign-up confirmed, GitHub, an email link). */
  | "ConfirmationAccountExists";

export class ConfirmSignUpError extends Error {
  constructor(readonly code: ConfirmSignUpFailure) {
    super(code);
    this.name = "ConfirmSignUpError";
  }
}

export interface ConfirmSignUpRequest {
  token: string;
  /** The sign-up cookie of the browser that opened the link, if any. */
  browserNonce?: string;
  password?: string;
}

export interface ConfirmedUser {
  userId: string;
  workspaceId: string;
  email: string;
  name: string;
}

/**
 * Follows a confirmation link: creates the account (email marked verified) and its workspace, and
 * drops every other pending sign-up for that email. Single use even when the link is opened twice
 * at once: the pending row is deleted in the same transaction, and only the deleter proceeds.
 */
export async function confirmSignUp(request: ConfirmSignUpRequest, now = new Date()): Promise<ConfirmedUser> {
  const pending = await prisma.pendingSignUp.findUnique({
    where: { tokenHash: hashToken(request.token) },
    select: {
      id: true,
      email: true,
      name: true,
      workspaceName: true,
      passwordHash: true,
      browserNonceHash: true,
      expiresAt: true,
    },
  });
  if (!pending || isExpired(pending.expiresAt, now)) {
    if (pending) await prisma.pendingSignUp.deleteMany({ where: { id: pending.id } });
    throw new ConfirmSignUpError("ConfirmationInvalid");
  }
  const sameBrowser =
    request.browserNonce !== undefined && tokenMatches(request.browserNonce, pending.browserNonceHash);
  if (!sameBrowser) {
    if (!request.password) throw new ConfirmSignUpError("ConfirmationPasswordRequired");
    if (!(await verifyPassword(request.password, pending.passwordHash)))
      throw new ConfirmSignUpError("ConfirmationPasswordWrong");
  }
  try {
    const account = await prisma.$transaction(async (tx) => {
      const { count } = await tx.pendingSignUp.deleteMany({ where: { id: pending.id } });
      if (count === 0) throw new ConfirmSignUpError("ConfirmationInvalid");
      await tx.pendingSignUp.deleteMany({ where: { email: pending.email } });
      return createPasswordUser(tx, { ...pending, emailVerified: now });
    });
    return { ...account, email: pending.email, name: pending.name };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      await prisma.pendingSignUp.deleteMany({ where: { email: pending.email } });
      throw new ConfirmSignUpError("ConfirmationAccountExists");
    }
    throw error;
  }
}
