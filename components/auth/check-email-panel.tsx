"use client";

import { type FormEvent, useState } from "react";
import { toFieldErrors } from "@/components/field-errors";
import { Alert, LiveAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { MailIcon } from "@/components/ui/icons";
import { resendConfirmationSchema } from "@/lib/auth/schemas";
import type { ResendConfirmationResponse } from "@/lib/auth/types";
import { fetchJson, RequestError } from "@/lib/http/fetch-json";

export interface CheckEmailPanelProps {
  /** The address the user signed up (or tried to sign in) with; null when the page was opened bare. */
  email: string | null;
  expiresInHours: number;
}

/**
 * After sign-up, and for a user whose sign-in failed before confirming: where the link went, and a
 * way to send it again. The resend answer is the same for every address (lib/auth/resend-sign-up-confirmation.ts).
 */
export function CheckEmailPanel({ email, expiresInHours }: CheckEmailPanelProps) {
  const [pending, setPending] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>();

  async function resend(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = resendConfirmationSchema.safeParse(Object.fromEntries(new FormData(event.currentTarget)));
    setError(null);
    setSentTo(null);
    setFieldError(parsed.success ? undefined : toFieldErrors<"email">(parsed.error).email);
    if (!parsed.success) return;
    setPending(true);
    try {
      await fetchJson<ResendConfirmationResponse>("/api/sign-up/resend", {
        method: "POST",
        body: JSON.stringify(parsed.data),
      });
      setSentTo(parsed.data.email);
    } catch (cause) {
      setError(cause instanceof RequestError ? cause.message : "Could not send the link. Try again.");
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="flex flex-col gap-6">
      <div className="flex items-start gap-3">
        <span className="flex size-9 shrink-0 items-center justify-center rounded-full bg-brand text-brand">
          <MailIcon className="size-[18px]" />
        </span>
        <p className="text-sm leading-6 text-default">
          To finish creating your account, open the link we emailed to{" "}
          {email ? <strong className="font-medium break-words text-emphasis">{email}</strong> : "you"}. It confirms your
          address and opens your new workspace.
        </p>
      </div>
      <p className="text-ui leading-5 text-subtle">
        The link works once and expires in {expiresInHours} hours. Nothing in your inbox? Check your spam folder, or
        send the link again.
      </p>
      <LiveAlert tone="success">
        {sentTo && `If a sign-up is waiting for confirmation at ${sentTo}, a new link is on its way.`}
      </LiveAlert>
      {error && <Alert tone="danger">{error}</Alert>}
      <form onSubmit={resend} noValidate className="space-y-3 border-t border-subtle pt-5">
        <TextField
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={email ?? ""}
          error={fieldError}
        />
        <Button type="submit" variant="secondary" size="lg" className="w-full" loading={pending}>
          Send the link again
        </Button>
      </form>
    </div>
  );
}
