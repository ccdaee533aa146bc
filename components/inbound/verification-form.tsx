"use client";

import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { serverFieldErrors } from "@/components/field-errors";
import { Alert, LiveAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardFooter } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { CodeField } from "@/components/ui/field";
import { describeHmacExpectation, VERIFICATION_LABELS } from "@/lib/inbound/describe-profile";
import {
  updateVerificationInputSchema,
  type VerificationKind,
  type VerificationProfile,
  verificationProfileSchema,
} from "@/lib/inbound/schemas";
import {
  DEFAULT_HMAC_DRAFT,
  EventIdField,
  type HmacDraft,
  type HmacField,
  HmacFields,
  toHmacDraft,
} from "./hmac-fields";
import { updateVerificationMutation } from "./mutations";

const METHODS: Array<{ kind: VerificationKind; description: string }> = [
  {
    kind: "standard_webhooks",
    description:
      "webhook-id, webhook-timestamp and webhook-signature headers. The simulator's default, and any sender built on a Standard Webhooks library.",
  },
  {
    kind: "hmac",
    description:
      "One header with an HMAC of the body (or of a timestamp and the body), named and encoded the vendor's way, as GitHub, Stripe and most vendors do.",
  },
  {
    kind: "url_token",
    description: "For a sender that signs nothing: an unguessable token in the webhook URL's path.",
  },
];

type Field = HmacField | "secret";

function profileInput(kind: VerificationKind, hmac: HmacDraft, tokenIdHeader: string): unknown {
  if (kind === "hmac") return { kind, ...hmac };
  if (kind === "url_token") return { kind, idHeader: tokenIdHeader };
  return { kind };
}

/** zod's and the server's "path: message", as one message per field. */
function errorsOf(issues: Array<{ path: PropertyKey[]; message: string }>): Partial<Record<Field, string>> {
  const errors: Partial<Record<Field, string>> = {};
  for (const issue of issues) {
    const field = (issue.path[0] === "profile" ? issue.path[1] : issue.path[0]) as Field;
    errors[field] ??= issue.message;
  }
  return errors;
}

export interface VerificationFormProps {
  profile: VerificationProfile;
  canManage: boolean;
}

/** How the Jobs API's requests are verified, and the secret it shows; saved together. */
export function VerificationForm({ profile, canManage }: VerificationFormProps) {
  const update = useMutation(updateVerificationMutation());
  const [kind, setKind] = useState<VerificationKind>(profile.kind);
  const [hmac, setHmac] = useState<HmacDraft>(profile.kind === "hmac" ? toHmacDraft(profile) : DEFAULT_HMAC_DRAFT);
  const [tokenIdHeader, setTokenIdHeader] = useState(profile.kind === "url_token" ? (profile.idHeader ?? "") : "");
  const [secret, setSecret] = useState("");
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const disabled = !canManage;

  const serverField = serverFieldErrors<Field>(update.error, { under: "profile" });
  const shownErrors: Partial<Record<Field, string>> = { ...serverField, ...errors };
  const preview = kind === "hmac" ? verificationProfileSchema.safeParse(profileInput(kind, hmac, tokenIdHeader)) : null;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = updateVerificationInputSchema.safeParse({
      profile: profileInput(kind, hmac, tokenIdHeader),
      secret: secret.trim() || undefined,
    });
    setErrors(parsed.success ? {} : errorsOf(parsed.error.issues));
    if (!parsed.success) return;
    update.reset();
    update.mutate(parsed.data, { onSuccess: () => setSecret("") });
  }

  return (
    <Card>
      <form onSubmit={handleSubmit} noValidate aria-label="Verification">
        <CardBody className="flex flex-col gap-6">
          <fieldset disabled={disabled} className="space-y-2">
            <legend className="mb-1.5 text-sm font-medium text-emphasis">How the Jobs API signs its requests</legend>
            <div className="grid gap-2">
              {METHODS.map((method) => (
                <label
                  key={method.kind}
                  className={cn(
                    "flex cursor-pointer gap-3 rounded-md border px-3 py-2.5 transition-colors",
                    kind === method.kind
                      ? "border-brand bg-brand/50 ring-1 ring-brand"
                      : "border-subtle hover:bg-subtle/60",
                  )}
                >
                  <input
                    type="radio"
                    name="verification-method"
                    value={method.kind}
                    checked={kind === method.kind}
                    onChange={() => setKind(method.kind)}
                    className="mt-0.5 size-4 shrink-0 accent-brand"
                  />
                  <span className="min-w-0">
                    <span className="block text-sm font-medium text-emphasis">{VERIFICATION_LABELS[method.kind]}</span>
                    <span className="block text-ui leading-snug text-subtle">{method.description}</span>
                  </span>
                </label>
              ))}
            </div>
          </fieldset>

          {kind === "hmac" && <HmacFields draft={hmac} onChange={setHmac} errors={shownErrors} disabled={disabled} />}
          {kind === "hmac" && preview?.success && preview.data.kind === "hmac" && (
            <div className="space-y-1 rounded-md bg-muted px-3 py-2 text-code">
              <p className="font-mono break-all text-default" data-testid="hmac-expectation">
                <span className="font-sans text-subtle">Expects </span>
                {describeHmacExpectation(preview.data)}
              </p>
              <p className="text-subtle">
                Retries are recognised by{" "}
                {preview.data.idHeader ? (
                  <>
                    their <span className="font-mono">{preview.data.idHeader}</span> header, or when it is missing by
                  </>
                ) : null}{" "}
                the payload: job id, event, status and the payload&apos;s timestamp (never the signing timestamp).
              </p>
            </div>
          )}
          {kind === "url_token" && (
            <EventIdField
              value={tokenIdHeader}
              onChange={setTokenIdHeader}
              error={shownErrors.idHeader}
              disabled={disabled}
            />
          )}
          {kind === "standard_webhooks" && (
            <p className="text-ui text-subtle">
              Retries are recognised by their webhook-id. Timestamps more than 5 minutes from now are refused.
            </p>
          )}

          {kind !== "url_token" && (
            <CodeField
              id="vendor-secret"
              label="Secret from the Jobs API"
              labelAside={<span className="text-ui text-muted">Leave empty to keep the current one</span>}
              type="password"
              value={secret}
              onChange={(event) => setSecret(event.target.value)}
              disabled={disabled}
              error={shownErrors.secret}
              placeholder={kind === "standard_webhooks" ? "whsec_…" : "Paste it exactly as the Jobs API shows it"}
              hint={
                kind === "standard_webhooks"
                  ? "whsec_ followed by base64. Replacing the secret keeps the old one working for 24 hours."
                  : "Any format. Stored encrypted. Replacing the secret keeps the old one working for 24 hours."
              }
            />
          )}
          {kind !== profile.kind && (
            <Alert tone="warning">
              Switching to {VERIFICATION_LABELS[kind]} takes effect at once: from then on, requests made the{" "}
              {VERIFICATION_LABELS[profile.kind]} way are refused. There is no overlap between methods.
              {kind === "url_token" && " Saving generates the secret URL; copy it into the Jobs API's settings."}
            </Alert>
          )}
          {update.isError && !serverField && <Alert tone="danger">{update.error.message}</Alert>}
          <LiveAlert tone="success">{update.isSuccess && "Verification updated."}</LiveAlert>
        </CardBody>
        <CardFooter>
          <p className="mr-auto text-ui text-subtle">
            {canManage
              ? "A request that does not pass is refused with 401; it never falls back to another method."
              : "Only owners and admins can change the verification."}
          </p>
          {canManage && (
            <Button type="submit" loading={update.isPending}>
              Update verification
            </Button>
          )}
        </CardFooter>
      </form>
    </Card>
  );
}
