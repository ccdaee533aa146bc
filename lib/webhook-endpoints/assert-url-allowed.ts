import { invalidField } from "@/lib/http/api-error";
import { checkWebhookUrl } from "@/lib/ssrf/check-webhook-url";

/**
 * Refuses a URL the delivery worker would refuse to call (private or loopback addresses, plain
 * http) at save time, so a mistake shows in the form instead of as a log of failed deliveries.
 * The worker checks again on every attempt: DNS can change after saving.
 */
export async function assertUrlAllowed(url: string): Promise<void> {
  const check = await checkWebhookUrl(url);
  if (!check.ok) throw invalidField("url", check.reason);
}
