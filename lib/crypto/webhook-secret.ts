import { randomBytes } from "node:crypto";

// Standard Webhooks secrets: `whsec_` + base64 of the HMAC key.
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString("base64")}`;
}

// Secret URL tokens (the url_token inbound profile): 256 random bits, URL-safe as they are.
export function generateUrlToken(): string {
  return randomBytes(32).toString("base64url");
}
