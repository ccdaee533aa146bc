import { z } from "zod";
import { Webhook } from "standardwebhooks";

// Where the simulator sends its events: in the vendor's world, the URL and secret of the account's Settings.
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

export const webhookTargetSchema = z.object({
  // Loopback is allowed on purpose: the portal of the demo and of every test listens on 127.0.0.1.
  url: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }),
  secret: webhookSecretSchema,
});
export type WebhookTarget = z.infer<typeof webhookTargetSchema>;
