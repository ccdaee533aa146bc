import { type Mail, PRODUCT_NAME, renderMail } from "./mail";

export interface SignInLinkMailInput {
  url: string;
  expiresInHours: number;
}

/** next-auth's email-link sign-in, sent through the same mailer as every other mail. */
export function signInLinkMail({ url, expiresInHours }: SignInLinkMailInput): Mail {
  return renderMail({
    subject: `Sign in to ${PRODUCT_NAME}`,
    intro: [`Use this link to sign in to ${PRODUCT_NAME}.`],
    action: { label: "Sign in", url },
    outro: [
      `The link works once and expires in ${expiresInHours} hours.`,
      "If you did not ask for it, ignore this email.",
    ],
  });
}
