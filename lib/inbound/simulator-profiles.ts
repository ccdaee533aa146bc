import { HMAC_PRESETS } from "./presets";
import { hmacProfileSchema, type VerificationProfile } from "./schemas";

// The profile that verifies each of the simulator's signing modes (simulator/webhooks/sign-webhook.ts),
// for `npm run demo` with SIMULATOR_SIGNING set and for the end-to-end tests. What a user would
// enter in Settings for a vendor that signs the same way.
export type SimulatorSigning = "standard" | "hmac-hex" | "hmac-base64-ts" | "none";

export function profileForSimulatorSigning(signing: SimulatorSigning): VerificationProfile {
  switch (signing) {
    case "standard":
      return { kind: "standard_webhooks" };
    case "hmac-hex":
      return HMAC_PRESETS.find((preset) => preset.id === "github")!.profile;
    case "hmac-base64-ts":
      return hmacProfileSchema.parse({
        kind: "hmac",
        signatureHeader: "x-signature",
        encoding: "base64",
        signedContent: "timestamp_body",
        timestampHeader: "x-signature-timestamp",
      });
    case "none":
      return { kind: "url_token" };
  }
}
