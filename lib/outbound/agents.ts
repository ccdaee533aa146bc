import http from "node:http";
import https from "node:https";
import type { AddressPolicy } from "@/lib/ssrf/classify-address";
import { createGuardedLookup } from "@/lib/ssrf/guarded-lookup";
import type { ResolveHost } from "@/lib/ssrf/resolve-host";

// Keep-alive agents per protocol and address policy: a busy endpoint reuses its connections
// instead of a TLS handshake per request. Every socket an agent opens goes through the guarded
// lookup, so a pooled socket was connected to an address this policy approved: reusing it is safe.
const agents = new Map<string, http.Agent>();

function createAgent(protocol: string, policy: AddressPolicy, resolve?: ResolveHost): http.Agent {
  const settings = { keepAlive: !resolve, lookup: createGuardedLookup(policy, resolve), scheduling: "lifo" as const };
  return protocol === "https:" ? new https.Agent(settings) : new http.Agent(settings);
}

export function agentFor(protocol: string, policy: AddressPolicy, resolve?: ResolveHost): http.Agent {
  if (resolve) return createAgent(protocol, policy, resolve); // a test's own DNS: never pooled
  const key = `${protocol}|${policy.allowPrivate}|${policy.operatorChosen === true}`;
  let agent = agents.get(key);
  if (!agent) agents.set(key, (agent = createAgent(protocol, policy)));
  return agent;
}
