import { type LookupAddress, lookup } from "node:dns";

// Every A/AAAA answer for a host name, as the operating system's resolver gives them (the same
// resolver a connection would use). Injectable so tests can play a rebinding DNS server.
export type ResolveHost = (hostname: string) => Promise<LookupAddress[]>;

export const resolveHost: ResolveHost = (hostname) =>
  new Promise((resolve, reject) => {
    lookup(hostname, { all: true, verbatim: true }, (error, addresses) => (error ? reject(error) : resolve(addresses)));
  });
