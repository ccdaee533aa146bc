import { randomBytes } from "node:crypto";

// Standard Webhooks secrets: `whsec_` + base64 of the HMAC key.
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString("base64")}`;
}
