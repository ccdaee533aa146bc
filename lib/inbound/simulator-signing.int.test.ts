import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { open } from "@/lib/crypto/secret-box";
import { generateUrlToken, generateWebhookSecret } from "@/lib/crypto/webhook-secret";
import { prisma } from "@/lib/db/client";
import { allowJobsApiBaseUrls } from "@/lib/upstream/testing/allow-base-urls";
import { rotateInboundSecret } from "@/lib/workspaces/rotate-inbound-secret";
import { type Simulator, startSimulator } from "@/simulator/server";
import { TEST_ACTOR } from "@/test/fixtures/actor";
import { flushRefusals } from "./refusal-log";
import { profileForSimulatorSigning, type SimulatorSigning } from "./simulator-profiles";
import { createProfileWorkspace, post } from "./testing/profile-requests";
import { updateVerification } from "./update-verification";

// The simulator signing each way, over real HTTP, into the portal's webhook routes (called from a
// bare node:http server: the routes' own code, without Next.js) — with chaos duplicates, retries
// after refusals, and a rotation in the middle.
let server: Server;
let baseUrl = "";
beforeAll(async () => {
  server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const [, , , workspaceId, token] = (req.url ?? "").split("/");
    const headers = Object.fromEntries(Object.entries(req.headers).map(([name, value]) => [name, String(value)]));
    const response = await post(workspaceId, Buffer.concat(chunks).toString("utf8"), headers, token);
    res.writeHead(response.status, { "content-type": "application/json" }).end(await response.text());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await flushRefusals();
});

const API_KEY = "sk_sim_signing_tests";
const MEDIA = { mediaUrl: "https://media.example.com/talks/one.mp4" };

/** A simulator the workspace is connected to as its Jobs API, as Settings would connect it: its output links are on that origin. */
async function withSimulator<T>(workspaceId: string, run: (sim: Simulator) => Promise<T>, chaos = {}): Promise<T> {
  const sim = await startSimulator({ apiKey: API_KEY, speed: 400, chaos, retry: { baseDelayMs: 200 } });
  allowJobsApiBaseUrls(sim.url);
  await prisma.workspace.update({ where: { id: workspaceId }, data: { upstreamBaseUrl: sim.url } });
  try {
    return await run(sim);
  } finally {
    await sim.close();
  }
}

async function storedStatuses(workspaceId: string, jobId: string): Promise<string[]> {
  // Sorted: at this speed a job's events share a second, the payload timestamp's precision.
  const events = await prisma.jobEvent.findMany({
    where: { workspaceId, job: { upstreamJobId: jobId } },
    select: { status: true },
  });
  return events.map((event) => event.status).sort();
}

async function connect(signing: SimulatorSigning) {
  const secret =
    signing === "standard"
      ? generateWebhookSecret()
      : signing === "none"
        ? generateUrlToken()
        : "shown-by-the-vendor-settings-1";
  const workspaceId = await createProfileWorkspace(profileForSimulatorSigning(signing), secret);
  const url =
    signing === "none" ? `${baseUrl}/api/webhooks/${workspaceId}/${secret}` : `${baseUrl}/api/webhooks/${workspaceId}`;
  return { workspaceId, secret, target: { url, secret: signing === "none" ? undefined : secret, signing } };
}

describe.each(["standard", "hmac-hex", "hmac-base64-ts", "none"] as const)("simulator signing %s", (signing) => {
  it("every event arrives exactly once, chaos duplicates included", async () => {
    const { workspaceId, target } = await connect(signing);
    await withSimulator(
      workspaceId,
      async (sim) => {
        sim.setWebhookTarget(target);
        const { jobId } = sim.createJob("transcribe", MEDIA);
        await expect
          .poll(() => storedStatuses(workspaceId, jobId), { timeout: 10_000 })
          .toEqual(["created", "transcribed", "transcribing"]);
        // Every event was sent twice; the duplicates (re-signed, with new signing timestamps where the mode has one) were recognised.
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(await prisma.jobEvent.count({ where: { workspaceId } })).toBe(3);
      },
      { duplicateRate: 1 },
    );
  });

  it("keeps delivering through a rotation: the old secret during the overlap, then the new one", async () => {
    const { workspaceId, secret, target } = await connect(signing);
    await withSimulator(workspaceId, async (sim) => {
      sim.setWebhookTarget(target);
      if (signing === "standard" || signing === "none") await rotateInboundSecret(workspaceId, TEST_ACTOR);
      else
        await updateVerification(
          workspaceId,
          { profile: profileForSimulatorSigning(signing), secret: "the-vendors-rotated-secret-2" },
          TEST_ACTOR,
        );
      const first = sim.createJob("transcribe", MEDIA).jobId; // still the old secret (or URL)
      await expect.poll(() => storedStatuses(workspaceId, first), { timeout: 10_000 }).toHaveLength(3);

      const row = await prisma.workspace.findUniqueOrThrow({
        where: { id: workspaceId },
        select: { inboundSecretEnc: true },
      });
      const next = open(row.inboundSecretEnc);
      expect(next).not.toBe(secret);
      sim.setWebhookTarget(
        signing === "none"
          ? { url: `${baseUrl}/api/webhooks/${workspaceId}/${next}`, signing }
          : { url: target.url, secret: next, signing },
      );
      const second = sim.createJob("transcribe", MEDIA).jobId;
      await expect.poll(() => storedStatuses(workspaceId, second), { timeout: 10_000 }).toHaveLength(3);
    });
  });
});

describe("a wrongly connected workspace", () => {
  it("refuses every event and explains it in the refused list, and the sender's retries get in once fixed", async () => {
    const { workspaceId, target } = await connect("hmac-base64-ts");
    await withSimulator(workspaceId, async (sim) => {
      // The vendor signs GitHub-style, the workspace expects X-Signature.
      sim.setWebhookTarget({ ...target, signing: "hmac-hex" });
      const { jobId } = sim.createJob("transcribe", MEDIA);
      await expect
        .poll(
          async () => {
            await flushRefusals();
            return prisma.inboundRefusal.count({ where: { workspaceId } });
          },
          { timeout: 10_000 },
        )
        .toBeGreaterThan(0);
      const refusal = await prisma.inboundRefusal.findFirstOrThrow({
        where: { workspaceId },
        select: { reason: true, headerNames: true },
      });
      expect(refusal.reason).toBe("missing_header");
      expect(refusal.headerNames).toContain("x-hub-signature-256");
      expect(await prisma.jobEvent.count({ where: { workspaceId } })).toBe(0);

      sim.setWebhookTarget(target); // fixed on the vendor's side: its pending retries now verify
      await expect
        .poll(() => storedStatuses(workspaceId, jobId), { timeout: 15_000 })
        .toEqual(["created", "transcribed", "transcribing"]);
    });
  });
});
