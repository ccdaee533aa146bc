import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { type WebhookPayload, webhookPayloadSchema } from "@/lib/contract/webhook-payload";
import { isTerminal } from "@/lib/workflow/workflows";

// A real webhook endpoint for tests: it verifies every request with the standardwebhooks package
// itself (not with the simulator's code) and records what it accepted.

export interface ReceivedWebhook {
  id: string;
  timestamp: number;
  payload: WebhookPayload;
  /** The HTTP status this receiver answered with. */
  answered: number;
}

export interface WebhookReceiver {
  url: string;
  secret: string;
  /** Every verified request, in arrival order, including the ones answered with an error. */
  requests: ReceivedWebhook[];
  /** Requests whose signature or payload did not verify; a correct simulator leaves this empty. */
  invalid: string[];
  /** Verified requests answered 2xx. */
  accepted(): ReceivedWebhook[];
  statusesOf(jobId: string): string[];
  waitFor(predicate: (requests: ReceivedWebhook[]) => boolean, timeoutMs?: number): Promise<void>;
  /** Resolves with the job's accepted events once its terminal one has been accepted. */
  waitForTerminal(jobId: string, timeoutMs?: number): Promise<ReceivedWebhook[]>;
  close(): Promise<void>;
}

export function newWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString("base64")}`;
}

async function readText(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export async function startWebhookReceiver(
  options: {
    secret?: string;
    respond?: (hit: ReceivedWebhook, requests: ReceivedWebhook[]) => number | Promise<number>;
  } = {},
): Promise<WebhookReceiver> {
  const secret = options.secret ?? newWebhookSecret();
  const verifier = new Webhook(secret);
  const requests: ReceivedWebhook[] = [];
  const invalid: string[] = [];
  const waiters = new Set<() => void>();

  const server = createServer(async (req, res) => {
    const raw = await readText(req);
    let payload: WebhookPayload;
    try {
      const verified = verifier.verify(raw, req.headers as Record<string, string>);
      payload = webhookPayloadSchema.parse(verified);
      if (req.headers["content-type"] !== "application/json") throw new Error("content-type is not application/json");
    } catch (error) {
      invalid.push(`${req.headers["webhook-id"]}: ${error instanceof Error ? error.message : String(error)}`);
      res.writeHead(400).end();
      return;
    }
    const hit: ReceivedWebhook = {
      id: String(req.headers["webhook-id"]),
      timestamp: Number(req.headers["webhook-timestamp"]),
      payload,
      answered: 200,
    };
    hit.answered = options.respond ? await options.respond(hit, requests) : 200;
    requests.push(hit);
    res.writeHead(hit.answered).end();
    for (const wake of [...waiters]) wake();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  const accepted = () => requests.filter((hit) => hit.answered >= 200 && hit.answered < 300);

  function waitFor(predicate: (requests: ReceivedWebhook[]) => boolean, timeoutMs = 10_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!predicate(requests)) return;
        clearTimeout(timer);
        waiters.delete(check);
        resolve();
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(
          new Error(
            `webhook receiver: condition not met in ${timeoutMs} ms; got ${JSON.stringify(requests.map((r) => [r.payload.data.jobId, r.payload.data.status]))}`,
          ),
        );
      }, timeoutMs);
      waiters.add(check);
      check();
    });
  }

  const eventsOf = (jobId: string) => accepted().filter((hit) => hit.payload.data.jobId === jobId);

  return {
    url: `http://127.0.0.1:${port}/webhooks`,
    secret,
    requests,
    invalid,
    accepted,
    statusesOf: (jobId) => eventsOf(jobId).map((hit) => hit.payload.data.status),
    waitFor,
    async waitForTerminal(jobId, timeoutMs) {
      await waitFor(
        () => eventsOf(jobId).some((hit) => isTerminal(hit.payload.data.apiProduct, hit.payload.data.status)),
        timeoutMs,
      );
      return eventsOf(jobId);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
