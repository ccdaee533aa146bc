import { createHmac } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { afterEach, describe, expect, it } from "vitest";
import { type Simulator, startSimulator } from "../server";
import { API_KEY, OTHER_API_KEY, TEST_SPEED } from "../testing/harness";
import { waitForJob } from "../testing/wait-for-job";
import { newWebhookSecret } from "../testing/webhook-receiver";
import type { WebhookTargetInput } from "./webhook-target";

// Every signing mode, checked here with node:crypto (and the standardwebhooks package for
// Standard Webhooks) as the receiving side would, and per-key targets for several accounts.
interface Hit {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

async function startRecorder() {
  const hits: Hit[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    hits.push({ path: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
    res.writeHead(200).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { hits, url, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const opened: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const item of opened.splice(0).reverse()) await item.close();
});

async function runJob(
  webhook: WebhookTargetInput | null,
  byKey: Record<string, WebhookTargetInput> = {},
  apiKey = API_KEY,
) {
  const sim: Simulator = await startSimulator({
    apiKey: [API_KEY, OTHER_API_KEY],
    speed: TEST_SPEED,
    webhook,
    webhooksByApiKey: byKey,
  });
  opened.push(sim);
  const { jobId } = sim.createJob("transcribe", { mediaUrl: "https://media.example.com/a.mp4" }, apiKey);
  await waitForJob(sim, jobId);
  return jobId;
}

const SECRET = "shown-in-the-vendor-settings";

describe("signing modes", () => {
  it("standard: Standard Webhooks headers that the standardwebhooks package verifies", async () => {
    const recorder = await startRecorder();
    opened.push(recorder);
    const secret = newWebhookSecret();
    await runJob({ url: `${recorder.url}/in`, secret });
    await expect.poll(() => recorder.hits.length).toBe(3);
    for (const hit of recorder.hits)
      expect(() => new Webhook(secret).verify(hit.body, hit.headers as Record<string, string>)).not.toThrow();
  });

  it("hmac-hex: sha256=<hex> of the body in X-Hub-Signature-256, no event id", async () => {
    const recorder = await startRecorder();
    opened.push(recorder);
    await runJob({ url: `${recorder.url}/in`, secret: SECRET, signing: "hmac-hex" });
    await expect.poll(() => recorder.hits.length).toBe(3);
    for (const hit of recorder.hits) {
      expect(hit.headers["x-hub-signature-256"]).toBe(
        `sha256=${createHmac("sha256", SECRET).update(hit.body).digest("hex")}`,
      );
      expect(hit.headers["webhook-id"]).toBeUndefined();
    }
  });

  it("hmac-base64-ts: base64 of {timestamp}.{body} in X-Signature, with X-Signature-Timestamp", async () => {
    const recorder = await startRecorder();
    opened.push(recorder);
    await runJob({ url: `${recorder.url}/in`, secret: SECRET, signing: "hmac-base64-ts" });
    await expect.poll(() => recorder.hits.length).toBe(3);
    for (const hit of recorder.hits) {
      const timestamp = String(hit.headers["x-signature-timestamp"]);
      expect(Math.abs(Number(timestamp) - Date.now() / 1000)).toBeLessThan(60);
      expect(hit.headers["x-signature"]).toBe(
        createHmac("sha256", SECRET).update(`${timestamp}.${hit.body}`).digest("base64"),
      );
    }
  });

  it("none: nothing signed, the URL (with its token) as configured", async () => {
    const recorder = await startRecorder();
    opened.push(recorder);
    await runJob({ url: `${recorder.url}/api/webhooks/demo/tok_123`, signing: "none" });
    await expect.poll(() => recorder.hits.length).toBe(3);
    for (const hit of recorder.hits) {
      expect(hit.path).toBe("/api/webhooks/demo/tok_123");
      expect(Object.keys(hit.headers).filter((name) => /signature|webhook-/.test(name))).toEqual([]);
    }
  });

  it("refuses targets that cannot sign", () => {
    return Promise.all([
      expect(
        startSimulator({ apiKey: API_KEY, webhook: { url: "http://127.0.0.1:1/x", signing: "hmac-hex" } }),
      ).rejects.toThrow(/secret/),
      expect(
        startSimulator({
          apiKey: API_KEY,
          webhook: { url: "http://127.0.0.1:1/x", secret: "plain", signing: "standard" },
        }),
      ).rejects.toThrow(/whsec_/),
    ]);
  });
});

describe("per-key targets: several accounts, each signed its own way", () => {
  it("sends a key's jobs to its own target, and other keys' to the default", async () => {
    const mine = await startRecorder();
    const other = await startRecorder();
    opened.push(mine, other);
    const sim = await startSimulator({
      apiKey: [API_KEY, OTHER_API_KEY],
      speed: TEST_SPEED,
      webhook: { url: `${other.url}/default`, secret: newWebhookSecret() },
    });
    opened.push(sim);
    sim.setWebhookTarget({ url: `${mine.url}/hmac`, secret: SECRET, signing: "hmac-hex" }, { apiKey: OTHER_API_KEY });
    expect(sim.getWebhookTarget(OTHER_API_KEY)?.signing).toBe("hmac-hex");
    expect(sim.getWebhookTarget(API_KEY)?.signing).toBe("standard");
    const a = sim.createJob("transcribe", { mediaUrl: "https://media.example.com/a.mp4" }, API_KEY);
    const b = sim.createJob("transcribe", { mediaUrl: "https://media.example.com/b.mp4" }, OTHER_API_KEY);
    await Promise.all([waitForJob(sim, a.jobId), waitForJob(sim, b.jobId)]);
    await expect.poll(() => mine.hits.length + other.hits.length).toBe(6);
    expect(mine.hits.every((hit) => hit.body.includes(b.jobId) && hit.headers["x-hub-signature-256"])).toBe(true);
    expect(other.hits.every((hit) => hit.body.includes(a.jobId) && hit.headers["webhook-signature"])).toBe(true);
  });
});
