import "server-only";
import { randomBytes } from "node:crypto";
import { prisma } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { getMailer, type Mailer } from "@/lib/email/mailer";
import { ApiError } from "@/lib/http/api-error";
import { type CreatedAccount, createPasswordUser } from "./create-password-user";
import { hashPassword } from "./password";
import { requestSignUpConfirmation } from "./request-sign-up-confirmation";
import type { SignUpInput } from "./schemas";
import { assertMaySignUp } from "./sign-up-policy";
import { signUpWithInvite } from "./sign-up-with-invite";

const TAKEN = "An account with this email already exists. Sign in instead.";

export type SignUpOutcome =
  | ({ status: "created" } & CreatedAccount)
  /** The same answer for a new and a taken email; the nonce goes into the browser's sign-up cookie. */
  | { status: "check_email"; browserNonce: string };

/**
 * With an invite link's token, the account is created at once in the invite's workspace
 * (lib/auth/sign-up-with-invite.ts). Otherwise SIGN_UP decides whether the address may sign up at
 * all (by the address alone, before anything is looked up). Without a mailer (EMAIL_SERVER unset)
 * nothing can prove an address, so the account is created at once and a taken email is a 409.
 * With one, the account waits for its emailed confirmation and the answer never tells whether the
 * email already has an account.
 */
export async function signUpUser(input: SignUpInput, mailer: Mailer | null = getMailer()): Promise<SignUpOutcome> {
  if (!input.inviteToken) assertMaySignUp(input.email);
  // Hashed before any query, and on both paths: scrypt takes a while, must not hold a connection
  // open, and its cost is what keeps a taken and a new email equally slow to answer.
  const passwordHash = await hashPassword(input.password);
  if (input.inviteToken) {
    return {
      status: "created",
      ...(await signUpWithInvite({
        name: input.name,
        email: input.email,
        passwordHash,
        inviteToken: input.inviteToken,
      })),
    };
  }
  if (mailer) {
    const browserNonce = randomBytes(32).toString("base64url");
    await requestSignUpConfirmation({ ...input, passwordHash, browserNonce }, mailer);
    return { status: "check_email", browserNonce };
  }
  try {
    const account = await prisma.$transaction((tx) =>
      createPasswordUser(tx, { ...input, passwordHash, emailVerified: null }),
    );
    return { status: "created", ...account };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new ApiError("CONFLICT", TAKEN, { details: [{ field: "email", issue: TAKEN }] });
    }
    throw error;
  }
}
