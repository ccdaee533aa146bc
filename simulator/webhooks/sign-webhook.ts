import { createHmac } from "node:crypto";
import { Webhook } from "standardwebhooks";
import type { WebhookTarget } from "./webhook-target";

/** The headers that sign one attempt of a delivery, per the target's signing mode (see webhook-target.ts). */
export function signingHeaders(
  target: WebhookTarget,
  msgId: string,
  sentAtMs: number,
  body: string,
): Record<string, string> {
  const timestamp = String(Math.floor(sentAtMs / 1000));
  const secret = target.secret ?? "";
  switch (target.signing) {
    case "standard":
      return {
        "webhook-id": msgId,
        "webhook-timestamp": timestamp,
        "webhook-signature": new Webhook(secret).sign(msgId, new Date(sentAtMs), body),
      };
    case "hmac-hex":
      return { "x-hub-signature-256": `sha256=${createHmac("sha256", secret).update(body).digest("hex")}` };
    case "hmac-base64-ts":
      return {
        "x-signature": createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("base64"),
        "x-signature-timestamp": timestamp,
      };
    case "none":
      return {};
  }
}
