import type { SimulatorOptions } from "../options";
import { type Simulator, startSimulator } from "../server";
import { startWebhookReceiver, type WebhookReceiver } from "./webhook-receiver";

// One simulator on a random port, fast enough that a dub job finishes in well under a second,
// with a verifying receiver as its webhook target.

export const API_KEY = "sk_test_primary_key_0123456789";
export const OTHER_API_KEY = "sk_test_other_key_9876543210";
export const TEST_SPEED = 400;

export interface Harness {
  sim: Simulator;
  receiver: WebhookReceiver;
  post(path: string, body: unknown, init?: { apiKey?: string | null; rawBody?: string }): Promise<Response>;
  createJob(product: string, body: Record<string, unknown>, apiKey?: string): Promise<string>;
  close(): Promise<void>;
}

export async function startHarness(
  overrides: Partial<SimulatorOptions> = {},
  receiverOptions: Parameters<typeof startWebhookReceiver>[0] = {},
): Promise<Harness> {
  const receiver = await startWebhookReceiver(receiverOptions);
  const sim = await startSimulator({
    apiKey: [API_KEY, OTHER_API_KEY],
    speed: TEST_SPEED,
    webhook: { url: receiver.url, secret: receiver.secret },
    ...overrides,
  });

  const post: Harness["post"] = (path, body, init = {}) => {
    const apiKey = init.apiKey === undefined ? API_KEY : init.apiKey;
    return fetch(`${sim.url}${path}`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(apiKey === null ? {} : { authorization: `Bearer ${apiKey}` }),
      },
      body: init.rawBody ?? JSON.stringify(body),
    });
  };

  return {
    sim,
    receiver,
    post,
    async createJob(product, body, apiKey) {
      const response = await post(`/v1/${product}`, body, { apiKey });
      const json = (await response.json()) as { jobId?: string };
      if (response.status !== 202 || !json.jobId)
        throw new Error(`create ${product}: ${response.status} ${JSON.stringify(json)}`);
      return json.jobId;
    },
    async close() {
      await sim.close();
      await receiver.close();
    },
  };
}
