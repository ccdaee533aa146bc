import { createHmac } from "node:crypto";
import { POST as postWithToken } from "@/app/api/webhooks/[workspaceId]/[token]/route";
import { POST as postPlain } from "@/app/api/webhooks/[workspaceId]/route";
import { prisma } from "@/lib/db/client";
import { createTestWorkspace } from "@/test/fixtures/workspace";
import type { HmacProfile, VerificationProfile } from "../schemas";

// Integration-test support for the verification profiles: a workspace set up with a profile and a
// secret, requests signed the way a vendor would (node:crypto, not the portal's verifier), and the
// route handlers called directly.

export async function createProfileWorkspace(profile: VerificationProfile, secret: string): Promise<string> {
  return (await createTestWorkspace({ profile, secret })).id;
}

/** The headers a vendor signing with `profile` sends for `body`. */
export function hmacHeaders(
  profile: HmacProfile,
  secret: string,
  body: string,
  timestamp = Math.floor(Date.now() / 1000),
): Record<string, string> {
  const key =
    profile.secretEncoding === "base64" ? Buffer.from(secret.replace(/^whsec_/, ""), "base64") : Buffer.from(secret);
  const content = profile.signedContent === "timestamp_body" ? `${timestamp}.${body}` : body;
  const signature = createHmac(profile.algorithm, key).update(content).digest(profile.encoding);
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (profile.headerFormat === "pairs") {
    headers[profile.signatureHeader] = `t=${timestamp},v1=${signature}`;
  } else {
    headers[profile.signatureHeader] = `${profile.prefix}${signature}`;
    if (profile.signedContent === "timestamp_body" && profile.timestampHeader)
      headers[profile.timestampHeader] = String(timestamp);
  }
  return headers;
}

export function post(
  workspaceId: string,
  body: string,
  headers: Record<string, string>,
  token?: string,
): Promise<Response> {
  const path = token === undefined ? `/api/webhooks/${workspaceId}` : `/api/webhooks/${workspaceId}/${token}`;
  const request = new Request(`http://portal.test${path}`, { method: "POST", headers, body });
  return token === undefined
    ? postPlain(request, { params: Promise.resolve({ workspaceId }) })
    : postWithToken(request, { params: Promise.resolve({ workspaceId, token }) });
}

export async function eventsOf(workspaceId: string) {
  return prisma.jobEvent.findMany({
    where: { workspaceId },
    select: { webhookId: true, status: true },
    orderBy: { receivedAt: "asc" },
  });
}
