import { describe, expect, it } from "vitest";
import { API_PRODUCTS, type ApiProduct } from "@/lib/workflow/workflows";
import { buildAutopilotInput } from "./autopilot";
import { validateJobInput } from "./jobs/schemas";
import { startSimulator } from "./server";
import { seededRandom } from "./testing/seeded-random";

describe("autopilot", () => {
  it("builds only valid requests, a few of them doomed by the test triggers", () => {
    const random = seededRandom(42);
    const names: string[] = [];
    for (const product of API_PRODUCTS) {
      for (let i = 0; i < 300; i++) {
        const input = buildAutopilotInput(product, random);
        const parsed = validateJobInput(product, input);
        expect(parsed.ok ? "valid" : parsed.message).toBe("valid");
        if (input.mediaUrl) names.push(new URL(input.mediaUrl).pathname.split("/").pop()!);
      }
    }
    const share = (prefix: string) => names.filter((name) => name.startsWith(prefix)).length / names.length;
    expect(share("fail")).toBeGreaterThan(0.03);
    expect(share("fail")).toBeLessThan(0.15);
    expect(share("reject")).toBeGreaterThan(0.01);
    expect(share("reject")).toBeLessThan(0.1);
  });

  it("creates jobs on its own at the configured rate, across products", async () => {
    const sim = await startSimulator({ apiKey: "k", speed: 400, autopilotPerMinute: 6000, random: seededRandom(3) });
    try {
      const products = new Set<ApiProduct>();
      await new Promise<void>((resolve) => {
        let created = 0;
        const stop = sim.onStatusChange((payload) => {
          if (payload.data.status !== "created") return;
          products.add(payload.data.apiProduct);
          if (++created === 12) {
            stop();
            resolve();
          }
        });
      });
      expect(products.size).toBeGreaterThanOrEqual(3);
    } finally {
      await sim.close();
    }
  });
});
