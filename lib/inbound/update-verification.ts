import "server-only";
import { type AuditActor, recordAudit } from "@/lib/audit/record-audit";
import { open } from "@/lib/crypto/secret-box";
import { generateUrlToken, generateWebhookSecret } from "@/lib/crypto/webhook-secret";
import { prisma } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { invalidField } from "@/lib/http/api-error";
import { forgetInboundVerifier } from "@/lib/ingest/get-inbound-verifier";
import { toStoredProfile } from "./read-stored-profile";
import { lockInbound, replaceInboundSecret } from "./replace-inbound-secret";
import { explainUnusableSecret, type UpdateVerificationInput } from "./schemas";

/**
 * Sets the workspace's verification profile and, when given, the vendor's secret for it.
 * - Same kind of profile (e.g. another HMAC header): a pasted secret replaces the current one with
 *   the usual 24-hour overlap; without one, the secrets stay as they are.
 * - Another kind: no previous secret is kept, so nothing made for the old scheme verifies under
 *   the new one. Switching to a URL token generates the token; leaving it generates a `whsec_`
 *   secret unless one is pasted (a token that has travelled in URLs is not reused as a key).
 * A secret the new profile cannot use (Standard Webhooks needs base64) is refused, kept or pasted.
 */
export async function updateVerification(
  workspaceId: string,
  input: UpdateVerificationInput,
  actor: AuditActor,
  now = new Date(),
): Promise<void> {
  const { profile } = input;
  await prisma.$transaction(async (tx) => {
    const locked = await lockInbound(tx, workspaceId);
    const kindChanged = locked.inboundVerification !== profile.kind;
    let secret = input.secret ?? null;
    if (secret === null && kindChanged && profile.kind === "url_token") secret = generateUrlToken();
    if (secret === null && kindChanged && locked.inboundVerification === "url_token") secret = generateWebhookSecret();

    if (secret === null && profile.kind !== "url_token") {
      const kept = open(locked.inboundSecretEnc);
      const problem = explainUnusableSecret(
        profile.kind,
        kept,
        profile.kind === "hmac" ? profile.secretEncoding : "text",
      );
      if (problem)
        throw invalidField("secret", `The current secret cannot be used here (${problem}). Paste the vendor's secret.`);
    }
    const secretData = secret === null ? {} : replaceInboundSecret(locked, secret, !kindChanged, now);
    const dropPrevious =
      kindChanged && secret === null ? { previousInboundSecretEnc: null, previousInboundSecretExpiresAt: null } : {};
    const { inboundVerification, inboundVerificationConfig } = toStoredProfile(profile);
    await tx.workspace.update({
      where: { id: workspaceId },
      data: {
        inboundVerification,
        inboundVerificationConfig: inboundVerificationConfig ?? Prisma.DbNull,
        ...secretData,
        ...dropPrevious,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      workspaceId,
      actor,
      action: "inbound_verification.updated",
      details: { from: locked.inboundVerification, to: profile.kind, secretReplaced: secret !== null },
    });
  });
  forgetInboundVerifier(workspaceId);
}
