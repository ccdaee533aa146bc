import { open, seal } from "@/lib/crypto/secret-box";
import { canonicalBaseUrl } from "./canonical-base-url";

// The workspace's Jobs API key is sealed together with the base URL it was entered for, so it is
// only ever sent there: a base URL changed by any path, later, makes the key unusable rather than
// sending it to the new host. Keys stored before this binding (a bare sealed key) count as
// entered for the stored base URL.
const PREFIX = "upstream-key/v1 ";

export function sealUpstreamKey(baseUrl: string, apiKey: string): string {
  return seal(`${PREFIX}${canonicalBaseUrl(baseUrl) ?? baseUrl} ${apiKey}`);
}

/** The key, if it was entered for `baseUrl`; null otherwise. */
export function openUpstreamKey(sealed: string, baseUrl: string): string | null {
  const plaintext = open(sealed);
  if (!plaintext.startsWith(PREFIX)) return plaintext;
  const rest = plaintext.slice(PREFIX.length);
  const space = rest.indexOf(" ");
  const boundTo = rest.slice(0, space);
  return boundTo === (canonicalBaseUrl(baseUrl) ?? baseUrl) ? rest.slice(space + 1) : null;
}
