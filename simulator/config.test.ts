import { describe, expect, it } from "vitest";
import { loadSimulatorConfig } from "./config";

const SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

describe("loadSimulatorConfig", () => {
  it("has defaults for everything but the key", () => {
    const config = loadSimulatorConfig([], {});
    expect(config.apiKey).toBeUndefined();
    expect(config.options).toMatchObject({
      port: 4010,
      webhook: null,
      speed: 1,
      failRate: 0,
      rejectRate: 0,
      chaos: { duplicateRate: 0, reorder: false, delayMs: 0 },
      autopilotPerMinute: 0,
    });
  });

  it("reads the environment, and flags win over it", () => {
    const config = loadSimulatorConfig(["--speed", "50", "--chaos-reorder", "--step-durations", "transcribing=100"], {
      SIMULATOR_SPEED: "10",
      SIMULATOR_API_KEY: "key",
      SIMULATOR_WEBHOOK_URL: "http://127.0.0.1:3000/api/webhooks/demo",
      SIMULATOR_WEBHOOK_SECRET: SECRET,
      SIMULATOR_FAIL_RATE: "0.1",
      SIMULATOR_AUTOPILOT: "",
      UNRELATED: "x",
    });
    expect(config.apiKey).toBe("key");
    expect(config.options).toMatchObject({
      speed: 50,
      failRate: 0.1,
      autopilotPerMinute: 0,
      webhook: { url: "http://127.0.0.1:3000/api/webhooks/demo", secret: SECRET, signing: "standard" },
      stepDurationsMs: { transcribing: 100 },
      chaos: { reorder: true },
    });
  });

  it.each([
    [{ SIMULATOR_FAIL_RATE: "1.5" }, /SIMULATOR_FAIL_RATE/],
    [{ SIMULATOR_SPEED: "0" }, /SIMULATOR_SPEED/],
    [{ SIMULATOR_WEBHOOK_URL: "http://127.0.0.1/x" }, /go together/],
    [{ SIMULATOR_WEBHOOK_URL: "http://127.0.0.1/x", SIMULATOR_WEBHOOK_SECRET: "secret" }, /whsec_/],
    [{ SIMULATOR_STEP_DURATIONS: "cooking=5" }, /status=milliseconds/],
    [{ SIMULATOR_SIGNING: "rsa" }, /SIMULATOR_SIGNING/],
    [{ SIMULATOR_WEBHOOK_URL: "http://127.0.0.1/x", SIMULATOR_SIGNING: "hmac-hex" }, /go together/],
  ])("refuses %j", (env, message) => {
    expect(() => loadSimulatorConfig([], env)).toThrow(message);
  });

  it("signs the vendor's other ways: any secret for hmac-*, none for unsigned", () => {
    const hmac = loadSimulatorConfig(["--signing", "hmac-base64-ts"], {
      SIMULATOR_WEBHOOK_URL: "http://127.0.0.1:3000/api/webhooks/demo",
      SIMULATOR_WEBHOOK_SECRET: "vendor shows this",
    });
    expect(hmac.options.webhook).toEqual({
      url: "http://127.0.0.1:3000/api/webhooks/demo",
      secret: "vendor shows this",
      signing: "hmac-base64-ts",
    });
    const none = loadSimulatorConfig([], {
      SIMULATOR_WEBHOOK_URL: "http://127.0.0.1:3000/api/webhooks/demo/tok",
      SIMULATOR_SIGNING: "none",
    });
    expect(none.options.webhook).toEqual({ url: "http://127.0.0.1:3000/api/webhooks/demo/tok", signing: "none" });
  });

  it("refuses unknown flags", () => {
    expect(() => loadSimulatorConfig(["--sped", "2"], {})).toThrow();
  });
});
