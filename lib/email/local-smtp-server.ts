import type { AddressInfo } from "node:net";
import { type AddressObject, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { extractLinks } from "./extract-links";

// A real SMTP server on loopback for the demo and the tests (smtp-server + mailparser, the
// nodemailer project's own): the portal sends through nodemailer exactly as it would to a real
// relay, and the mails land here, parsed, for the console, an HTTP inbox or a test to read.

export interface ReceivedMail {
  /** Envelope recipients, lower-cased. */
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  links: string[];
  receivedAt: string;
}

export interface LocalSmtpServer {
  /** For EMAIL_SERVER, e.g. `smtp://127.0.0.1:2525`. */
  url: string;
  mails(): ReceivedMail[];
  /** The first mail, received or still to come, that matches; rejects after the timeout. */
  waitForMail(match: (mail: ReceivedMail) => boolean, timeoutMs?: number): Promise<ReceivedMail>;
  close(): Promise<void>;
}

export interface LocalSmtpOptions {
  port?: number;
  onMail?: (mail: ReceivedMail) => void;
}

/** A demo runs for days: keep the newest mails only. */
const KEEP = 500;

function addresses(value: AddressObject | AddressObject[] | undefined): string {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  return list.map((entry) => entry.text).join(", ");
}

export async function startLocalSmtpServer(options: LocalSmtpOptions = {}): Promise<LocalSmtpServer> {
  const received: ReceivedMail[] = [];
  const waiters = new Set<(mail: ReceivedMail) => void>();

  const server = new SMTPServer({
    // Loopback only and never TLS: nodemailer would otherwise upgrade with STARTTLS and refuse
    // the self-signed certificate. Any sender, any recipient, no login.
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    size: 5 * 1024 * 1024,
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (parsed) => {
          const text = parsed.text ?? "";
          const mail: ReceivedMail = {
            to: session.envelope.rcptTo.map((recipient) => recipient.address.toLowerCase()),
            from: addresses(parsed.from),
            subject: parsed.subject ?? "",
            text,
            html: typeof parsed.html === "string" ? parsed.html : "",
            links: extractLinks(text),
            receivedAt: new Date().toISOString(),
          };
          received.push(mail);
          if (received.length > KEEP) received.shift();
          options.onMail?.(mail);
          for (const waiter of waiters) waiter(mail);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;

  return {
    url: `smtp://127.0.0.1:${port}`,
    mails: () => [...received],
    waitForMail(match, timeoutMs = 15_000) {
      const found = received.find(match);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const waiter = (mail: ReceivedMail) => {
          if (!match(mail)) return;
          clearTimeout(timer);
          waiters.delete(waiter);
          resolve(mail);
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`no matching mail within ${timeoutMs / 1000} s`));
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
