import { type AddressPolicy, classifyAddress, refusedHostReason } from "./classify-address";
import { defaultAddressPolicy } from "./default-address-policy";
import { ipLiteralOf, parseWebhookUrl, type UrlVerdict } from "./parse-webhook-url";
import { type ResolveHost, resolveHost } from "./resolve-host";

export interface CheckOptions {
  policy?: AddressPolicy;
  resolve?: ResolveHost;
}

/**
 * Save-time check of a webhook URL: scheme, credentials, and every address its host resolves to.
 * Sending checks again at connect time (guarded-lookup.ts), so a name that later resolves
 * elsewhere (DNS rebinding) is still refused.
 */
export async function checkWebhookUrl(raw: string, options: CheckOptions = {}): Promise<UrlVerdict> {
  const policy = options.policy ?? defaultAddressPolicy();
  const parsed = parseWebhookUrl(raw, policy);
  if (!parsed.ok || ipLiteralOf(parsed.url)) return parsed;
  let addresses: { address: string }[];
  try {
    addresses = await (options.resolve ?? resolveHost)(parsed.url.hostname);
  } catch {
    return { ok: false, reason: `${parsed.url.hostname} could not be resolved` };
  }
  if (addresses.length === 0) return { ok: false, reason: `${parsed.url.hostname} has no addresses` };
  for (const { address } of addresses) {
    const verdict = classifyAddress(address, policy);
    if (!verdict.ok) return { ok: false, reason: refusedHostReason(parsed.url.hostname, address, verdict.range) };
  }
  return parsed;
}
