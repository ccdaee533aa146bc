import { Webhook } from "standardwebhooks";

// Standard Webhooks signing with the `standardwebhooks` package. The webhook-id is the delivery's
// stable messageId; the timestamp and signatures are new for each attempt. During a secret
// rotation every active secret signs, space-separated, so a receiver holding either verifies.
export interface SignInput {
  messageId: string;
  timestampSeconds: number;
  body: string;
  /** The endpoint's current secret first, then the previous one while it is still valid. */
  secrets: readonly string[];
}

export function signWebhook({ messageId, timestampSeconds, body, secrets }: SignInput): Record<string, string> {
  const at = new Date(timestampSeconds * 1000);
  return {
    "webhook-id": messageId,
    "webhook-timestamp": String(timestampSeconds),
    "webhook-signature": secrets.map((secret) => new Webhook(secret).sign(messageId, at, body)).join(" "),
  };
}
