import { randomBytes } from "node:crypto";
import { type Simulator, startSimulator } from "@/simulator/server";
import type { WebhookTargetInput } from "@/simulator/webhooks/webhook-target";
import { VENDOR_PORT } from "./vendor-url";

// A second Jobs API, started by the test itself: the "vendor" a freshly signed-up workspace
// connects to (both ways: its webhooks here, and it as the workspace's Jobs API, whose origin its
// output links are on), signing its webhooks the way the test says (SIMULATOR_SIGNING's modes).
export interface Vendor {
  sim: Simulator;
  apiKey: string;
  createJob(product: "transcribe" | "dub", mediaUrl: string): string;
  close(): Promise<void>;
}

/** `now` is the vendor's clock (its timestamps and its links' expiry), for tests that move it. */
export async function startVendor(
  target: WebhookTargetInput | null,
  chaos: { duplicateRate?: number } = {},
  now?: () => number,
): Promise<Vendor> {
  const apiKey = `sk_vendor_${randomBytes(12).toString("hex")}`;
  const sim = await startSimulator({
    host: "127.0.0.1",
    port: VENDOR_PORT,
    apiKey,
    speed: 40,
    webhook: target,
    chaos,
    retry: { baseDelayMs: 500 },
    now,
  });
  return {
    sim,
    apiKey,
    createJob: (product, mediaUrl) =>
      sim.createJob(product, { mediaUrl, ...(product === "dub" ? { targetLanguage: "es" } : {}) }).jobId,
    close: () => sim.close(),
  };
}
