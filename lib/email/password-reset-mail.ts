import { type Mail, PRODUCT_NAME, renderMail } from "./mail";

export interface PasswordResetMailInput {
  resetUrl: string;
  expiresInMinutes: number;
}

export function passwordResetMail({ resetUrl, expiresInMinutes }: PasswordResetMailInput): Mail {
  return renderMail({
    subject: `Reset your ${PRODUCT_NAME} password`,
    intro: [
      `Someone, hopefully you, asked to reset the password of the ${PRODUCT_NAME} account with this email address.`,
    ],
    action: { label: "Choose a new password", url: resetUrl },
    outro: [
      `The link works once and expires in ${expiresInMinutes} minutes. Choosing a new password signs out every session of the account.`,
      "If you did not ask for this, ignore this email: your password stays as it is.",
    ],
  });
}
