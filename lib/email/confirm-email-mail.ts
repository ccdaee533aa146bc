import { type Mail, PRODUCT_NAME, renderMail } from "./mail";

export interface ConfirmEmailMailInput {
  confirmUrl: string;
  expiresInHours: number;
}

// Nothing the signer-up typed (name, workspace name) goes into the mail: sign-up would otherwise
// let anyone send text of their choosing to any address.
export function confirmEmailMail({ confirmUrl, expiresInHours }: ConfirmEmailMailInput): Mail {
  return renderMail({
    subject: `Confirm your email for ${PRODUCT_NAME}`,
    intro: [
      `Someone, hopefully you, created a ${PRODUCT_NAME} account with this email address.`,
      "Confirm the address to finish: the link opens your new workspace.",
    ],
    action: { label: "Confirm email and open my workspace", url: confirmUrl },
    outro: [
      `The link works once and expires in ${expiresInHours} hours.`,
      "If you did not sign up, ignore this email: no account is created without this link and the password chosen at sign-up.",
    ],
  });
}
