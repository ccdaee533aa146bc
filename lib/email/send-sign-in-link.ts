import type { EmailConfig } from "next-auth/providers/email";
import { getMailer } from "./mailer";
import { signInLinkMail } from "./sign-in-link-mail";

type SendVerificationRequest = EmailConfig["sendVerificationRequest"];

/** next-auth's email-link provider, sending through the portal's mailer and message layout. */
export const sendSignInLink: SendVerificationRequest = async ({ identifier, url, expires }) => {
  const mailer = getMailer();
  if (!mailer) throw new Error("EMAIL_SERVER is not set");
  const expiresInHours = Math.max(1, Math.round((expires.getTime() - Date.now()) / 3_600_000));
  await mailer.send(identifier, signInLinkMail({ url, expiresInHours }));
};
