import { mutationOptions } from "@tanstack/react-query";
import { settingsKeys } from "@/components/settings/queries";
import { fetchJson } from "@/lib/http/fetch-json";
import type { TestRequestInput, UpdateVerificationInput } from "@/lib/inbound/schemas";
import type { InboundWebhookView, TestRequestResult } from "@/lib/inbound/types";
import type { RotatedInboundSecret } from "@/lib/workspaces/types";
import { inboundKeys } from "./queries";

// Settings → Inbound webhook, writes. The connection's view also carries the inbound URL and the
// previous secret's expiry, so what changes the secret refreshes it too.

export const rotateInboundSecretMutation = () =>
  mutationOptions({
    mutationFn: () => fetchJson<RotatedInboundSecret>("/api/settings/inbound-secret/rotate", { method: "POST" }),
    onSuccess: (_rotated, _variables, _onMutate, { client }) =>
      Promise.all([
        client.invalidateQueries({ queryKey: inboundKeys.secret(), exact: true }),
        // The previous secret's expiry shows on the page.
        client.invalidateQueries({ queryKey: settingsKeys.connection(), exact: true }),
        client.invalidateQueries({ queryKey: inboundKeys.webhook(), exact: true }),
      ]),
  });

export const updateVerificationMutation = () =>
  mutationOptions({
    mutationFn: (input: UpdateVerificationInput) =>
      fetchJson<InboundWebhookView>("/api/settings/inbound-webhook", { method: "PUT", body: JSON.stringify(input) }),
    onSuccess: (view, _input, _onMutate, { client }) =>
      Promise.all([
        client.setQueryData(inboundKeys.webhook(), view),
        // A profile change may generate a secret (or URL token), or take a pasted one.
        client.invalidateQueries({ queryKey: inboundKeys.secret(), exact: true }),
        client.invalidateQueries({ queryKey: settingsKeys.connection(), exact: true }),
      ]),
  });

/** A mutation: each press judges the pasted request afresh with the current settings. */
export const testInboundRequestMutation = () =>
  mutationOptions({
    mutationFn: (input: TestRequestInput) =>
      fetchJson<TestRequestResult>("/api/settings/inbound-webhook/test", {
        method: "POST",
        body: JSON.stringify(input),
      }),
  });
