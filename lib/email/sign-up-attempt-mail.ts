import { type Mail, PRODUCT_NAME, renderMail } from "./mail";

export interface SignUpAttemptMailInput {
  signInUrl: string;
}

/**
 * Sent instead of a confirmation when the address already has an account, so the sign-up form can
 * answer the same either way without leaving the real owner uninformed.
 */
export function signUpAttemptMail({ signInUrl }: SignUpAttemptMailInput): Mail {
  return renderMail({
    subject: `Someone tried to sign up for ${PRODUCT_NAME} with your email`,
    intro: [
      `Someone, maybe you, tried to create a new ${PRODUCT_NAME} account with this email address. You already have an account, so no new one was created.`,
      "If it was you, sign in to your existing account instead.",
    ],
    action: { label: "Sign in", url: signInUrl },
    outro: ["If it was not you, you can ignore this email: nothing about your account has changed."],
  });
}
