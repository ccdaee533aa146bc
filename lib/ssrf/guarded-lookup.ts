import type { LookupAddress, LookupOptions } from "node:dns";
import { type AddressPolicy, classifyAddress, refusedHostReason } from "./classify-address";
import { type ResolveHost, resolveHost } from "./resolve-host";

// Connect-time SSRF guard: the `lookup` a socket uses to turn the host name into the address it
// connects to. Every answer is checked and the connection goes to a checked one, so a name that
// resolved to a public address at save time and to 127.0.0.1 now (DNS rebinding) is refused.
export class RefusedAddressError extends Error {
  readonly code = "EREFUSEDADDRESS";
  constructor(reason: string) {
    super(reason);
    this.name = "RefusedAddressError";
  }
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

export function createGuardedLookup(policy: AddressPolicy, resolve: ResolveHost = resolveHost) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    resolve(hostname).then(
      (answers) => {
        const addresses = options.family ? answers.filter((answer) => answer.family === options.family) : answers;
        if (addresses.length === 0)
          return callback(Object.assign(new Error(`${hostname} has no usable address`), { code: "ENOTFOUND" }), "");
        for (const { address } of answers) {
          const verdict = classifyAddress(address, policy);
          if (!verdict.ok)
            return callback(new RefusedAddressError(refusedHostReason(hostname, address, verdict.range)), "");
        }
        if (options.all) callback(null, addresses);
        else callback(null, addresses[0].address, addresses[0].family);
      },
      (error: NodeJS.ErrnoException) => callback(error, ""),
    );
  };
}
