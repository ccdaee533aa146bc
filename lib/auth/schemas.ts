import { z } from "zod";

const emailSchema = z
  .email("Enter a valid email address")
  .max(254)
  .transform((email) => email.toLowerCase());

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, "Enter your password").max(1024),
});

export const signUpSchema = z
  .object({
    name: z.string().trim().min(1, "Enter your name").max(100),
    email: emailSchema,
    password: z.string().min(10, "Use at least 10 characters").max(1024),
    /** Optional: left empty, the workspace is named after its owner, as for GitHub and email-link sign-ups. */
    workspaceName: z.string().trim().max(100).optional(),
    /** An invite link's token: the account joins that workspace instead of getting one of its own. */
    inviteToken: z
      .string()
      .regex(/^[A-Za-z0-9_-]{43}$/, "This invite link is incomplete. Open it from the email again.")
      .optional()
      .or(z.literal("").transform(() => undefined)),
  })
  .transform((input) => ({ ...input, workspaceName: input.workspaceName || `${input.name}'s workspace` }));
export type SignUpInput = z.infer<typeof signUpSchema>;

/** A token from a mailed link (lib/auth/one-time-token.ts): 43 base64url characters. */
export const oneTimeTokenSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{43}$/, "This link is incomplete. Open it from the email again.");

/** What the confirmation page posts: the link's token, and the password when opened in another browser. */
export const confirmSignUpSchema = z.object({
  token: oneTimeTokenSchema,
  password: z
    .string()
    .max(1024)
    .optional()
    .transform((password) => password || undefined),
});
export type ConfirmSignUpInput = z.infer<typeof confirmSignUpSchema>;

export const resendConfirmationSchema = z.object({ email: emailSchema });

/** The new password of a change or a reset: the sign-up's rules. */
const newPasswordSchema = z.string().min(10, "Use at least 10 characters").max(1024);

/** POST /api/account/password */
export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1, "Enter your current password").max(1024),
  newPassword: newPasswordSchema,
});

/** POST /api/password-reset */
export const requestPasswordResetSchema = z.object({ email: emailSchema });

/** POST /api/password-reset/complete */
export const completePasswordResetSchema = z.object({ token: oneTimeTokenSchema, password: newPasswordSchema });
