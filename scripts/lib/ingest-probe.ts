import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { encode } from "next-auth/jwt";
import type pg from "pg";
import { completedStatus, isFailureStatus, type JobStatus, statusRank } from "@/lib/workflow/workflows";
import { percentile, type SentEvent } from "./ingest-load";

// npm run bench:ingest's lag probe: a workspace of its own beside the load, sent a few events a
// second, with a signed-in member watching its live updates (GET /api/live, server-sent events)
// and a webhook endpoint (on this process) subscribed to job.created and job.processing. For each
// event it notes when it was sent and when (a) a live frame showed the job at that status or
// further and (b) its delivery arrived. Send → frame and send → delivery are upper bounds of
// commit → frame and commit → delivery: the commit happens between the send and the 2xx.
const now = () => performance.timeOrigin + performance.now();

/** A member of the workspace (already created) and an endpoint to `endpointUrl`; returns the member's session cookie. */
export async function setUpProbe(
  pool: pg.Pool,
  workspaceId: string,
  endpointUrl: string,
  nextAuthSecret: string,
): Promise<string> {
  const { seal } = await import("@/lib/crypto/secret-box");
  const { generateWebhookSecret } = await import("@/lib/crypto/webhook-secret");
  const userId = `bench_user_${randomBytes(6).toString("hex")}`;
  await pool.query(`INSERT INTO "User" (id, email) VALUES ($1, $2)`, [userId, `${userId}@bench.example.com`]);
  await pool.query(`INSERT INTO "Membership" (id, "workspaceId", "userId", role) VALUES ($1, $2, $3, 'owner')`, [
    `${userId}_m`,
    workspaceId,
    userId,
  ]);
  await pool.query(
    `INSERT INTO "WebhookEndpoint" (id, "workspaceId", url, "eventTypes", "secretEnc", "updatedAt")
     VALUES ($1, $2, $3, ARRAY['job.created', 'job.processing'], $4, now())`,
    [`${userId}_e`, workspaceId, endpointUrl, seal(generateWebhookSecret())],
  );
  const token = await encode({ token: { sub: userId, email: `${userId}@bench.example.com` }, secret: nextAuthSecret });
  return `next-auth.session-token=${token}`;
}

interface Seen {
  /** Per upstream job id: [arrival, status] of every live frame or delivery. */
  frames: Map<string, Array<{ at: number; status: JobStatus }>>;
  deliveries: Map<string, number>;
}

export interface Probe {
  readonly seen: Seen;
  close(): Promise<void>;
}

/** The receiving end: the webhook endpoint and one live stream. */
export async function startProbe(
  portalUrl: string,
): Promise<{ receiver: string; open(cookie: string): Promise<Probe>; close(): Promise<void> }> {
  const seen: Seen = { frames: new Map(), deliveries: new Map() };
  const receiver = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const at = now();
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { data: { jobId: string; status: string } };
        seen.deliveries.set(`${body.data.jobId}/${body.data.status}`, at);
      } catch {
        // not a delivery body: ignore
      }
      response.writeHead(200).end("ok");
    });
  });
  receiver.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/probe`;

  // Closed once, whoever asks first (the bench's report, or its cleanup after a failure): a
  // receiver left listening, or a live stream left open, would keep the bench process alive.
  let liveRequest: http.ClientRequest | null = null;
  let closed: Promise<void> | null = null;
  const close = () =>
    (closed ??= new Promise<void>((resolve) => {
      liveRequest?.destroy();
      receiver.closeAllConnections();
      receiver.close(() => resolve());
    }));

  async function open(cookie: string): Promise<Probe> {
    const request = http.get(new URL("/api/live", portalUrl), { headers: { cookie, accept: "text/event-stream" } });
    liveRequest = request;
    const ready = new Promise<void>((resolve, reject) => {
      request.on("error", reject);
      request.on("response", (response) => {
        if (response.statusCode !== 200) return reject(new Error(`GET /api/live answered ${response.statusCode}`));
        let buffer = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => {
          buffer += chunk;
          for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
            const frame = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            if (frame.startsWith("event: ready")) resolve();
            if (!frame.startsWith("event: job")) continue;
            const job = JSON.parse(frame.slice(frame.indexOf("data: ") + 6)) as { id: string; status: JobStatus };
            const list = seen.frames.get(job.id) ?? [];
            list.push({ at: now(), status: job.status });
            seen.frames.set(job.id, list);
          }
        });
      });
    });
    await ready;
    return { seen, close };
  }
  return { receiver: receiverUrl, open, close };
}

export interface Lags {
  live: number[];
  delivery: number[];
  /** Events sent whose frame or delivery never came. */
  liveMissing: number;
  deliveryMissing: number;
}

/** Send → first frame showing the job at the event's status or further; send → its delivery. */
export function lagsOf(sent: readonly SentEvent[], seen: Seen): Lags {
  const lags: Lags = { live: [], delivery: [], liveMissing: 0, deliveryMissing: 0 };
  for (const event of sent) {
    const rank = statusRank(event.product, event.status);
    const frame = seen.frames
      .get(event.jobId)
      ?.find((f) => f.at >= event.sentAt && statusRank(event.product, f.status) >= rank);
    if (frame) lags.live.push(frame.at - event.sentAt);
    else lags.liveMissing += 1;
    if (isFailureStatus(event.status) || event.status === completedStatus(event.product)) continue; // not subscribed
    const delivered = seen.deliveries.get(`${event.jobId}/${event.status}`);
    if (delivered !== undefined) lags.delivery.push(delivered - event.sentAt);
    else lags.deliveryMissing += 1;
  }
  return lags;
}

export function describeLags(lags: Lags): string {
  const live = [...lags.live].sort((a, b) => a - b);
  const delivery = [...lags.delivery].sort((a, b) => a - b);
  return (
    `live update p50 ${percentile(live, 50).toFixed(0)} ms, p99 ${percentile(live, 99).toFixed(0)} ms (${live.length} seen, ${lags.liveMissing} missing); ` +
    `delivery p50 ${percentile(delivery, 50).toFixed(0)} ms, p99 ${percentile(delivery, 99).toFixed(0)} ms (${delivery.length} delivered, ${lags.deliveryMissing} missing)`
  );
}
