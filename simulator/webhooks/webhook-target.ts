import { Webhook } from "standardwebhooks";
import { z } from "zod";

// Where the simulator sends its events: in the vendor's world, the URL and secret of the account's
// Settings, and how the account's webhooks are signed.

/**
 * standard: Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature), the default;
 * hmac-hex: `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the body>`, no event id (GitHub's shape);
 * hmac-base64-ts: `X-Signature: <base64 HMAC-SHA256 of "{timestamp}.{body}">` with
 *   `X-Signature-Timestamp: <unix seconds>`, no event id;
 * none: nothing signed (the portal's secret URL token profile: the token is in the URL).
 * The hmac modes use the secret's text as the key, whatever it looks like.
 */
export const SIGNING_MODES = ["standard", "hmac-hex", "hmac-base64-ts", "none"] as const;
export type SigningMode = (typeof SIGNING_MODES)[number];

export const webhookSecretSchema = z
  .string()
  .startsWith("whsec_", { error: "must start with whsec_" })
  .refine(
    (secret) => {
      try {
        new Webhook(secret);
        return true;
      } catch {
        return false;
      }
    },
    { error: "must be whsec_ followed by base64" },
  );

export const webhookTargetSchema = z
  .object({
    // Loopback is allowed on purpose: the portal of the demo and of every test listens on 127.0.0.1.
    url: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }),
    secret: z.string().min(1).optional(),
    signing: z.enum(SIGNING_MODES).default("standard"),
  })
  .superRefine((target, ctx) => {
    if (target.signing === "none") return;
    if (target.secret === undefined) {
      ctx.addIssue({ code: "custom", path: ["secret"], message: `a secret is needed to sign (${target.signing})` });
    } else if (target.signing === "standard") {
      const checked = webhookSecretSchema.safeParse(target.secret);
      if (!checked.success)
        ctx.addIssue({ code: "custom", path: ["secret"], message: checked.error.issues[0].message });
    }
  });
export type WebhookTarget = z.output<typeof webhookTargetSchema>;
export type WebhookTargetInput = z.input<typeof webhookTargetSchema>;
