import nodemailer from "nodemailer";
import { env } from "@/lib/env";
import { ApiError } from "@/lib/http/api-error";
import { logger } from "@/lib/log/logger";
import type { Mail } from "./mail";

export interface Mailer {
  /** Sends one mail; a mail server that refuses or does not answer is a 503 in the error envelope. */
  send(to: string, mail: Mail): Promise<void>;
}

export interface MailerConfig {
  /** nodemailer's URL form: `smtp://user:pass@host:587`, `smtps://…:465`. */
  server: string;
  from: string;
}

// nodemailer waits up to 2 minutes to connect and 10 minutes on a silent socket by default; a
// sign-up should fail in seconds instead. Values already in the URL win.
const TIMEOUTS_MS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 };

function withTimeouts(server: string): string {
  const url = new URL(server);
  for (const [name, value] of Object.entries(TIMEOUTS_MS)) {
    if (!url.searchParams.has(name)) url.searchParams.set(name, String(value));
  }
  return url.toString();
}

export function createMailer({ server, from }: MailerConfig): Mailer {
  const transport = nodemailer.createTransport(withTimeouts(server));
  return {
    async send(to, mail) {
      try {
        await transport.sendMail({ from, to, subject: mail.subject, text: mail.text, html: mail.html });
      } catch (error) {
        // Neither the server URL (it may hold a password) nor the body (it holds tokens) is logged.
        logger.error({ subject: mail.subject, error }, "mail not sent");
        throw new ApiError("UPSTREAM_UNAVAILABLE", "The email could not be sent. Try again in a moment.");
      }
    },
  };
}

let configured: { key: string; mailer: Mailer } | null = null;

/** The deployment's mailer, or null when EMAIL_SERVER is not set (then nothing is ever emailed). */
export function getMailer(): Mailer | null {
  if (!env.EMAIL_SERVER || !env.EMAIL_FROM) return null;
  const key = `${env.EMAIL_SERVER}\n${env.EMAIL_FROM}`;
  if (configured?.key !== key)
    configured = { key, mailer: createMailer({ server: env.EMAIL_SERVER, from: env.EMAIL_FROM }) };
  return configured.mailer;
}

/** Whether mail can be sent: sign-up then confirms emails, and pages say so. */
export function isEmailConfigured(): boolean {
  return Boolean(env.EMAIL_SERVER && env.EMAIL_FROM);
}
