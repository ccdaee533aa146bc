import { env } from "@/lib/env";
import type { AddressPolicy } from "./classify-address";

/** The deployment's policy: public addresses only, unless ALLOW_PRIVATE_WEBHOOK_URLS=1 (demo and tests). */
export function defaultAddressPolicy(): AddressPolicy {
  return { allowPrivate: env.ALLOW_PRIVATE_WEBHOOK_URLS };
}
