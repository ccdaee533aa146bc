"use client";

import { type FormEvent, useState } from "react";
import { type FieldErrors, toFieldErrors } from "@/components/field-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { requestPasswordResetSchema } from "@/lib/auth/schemas";
import { fetchJson, RequestError } from "@/lib/http/fetch-json";

// Signed-out pages have no QueryClient: a plain fetch, its pending and error kept as form state.
export function ForgotPasswordForm() {
  const [pending, setPending] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors<"email">>({});

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = requestPasswordResetSchema.safeParse({ email: new FormData(event.currentTarget).get("email") });
    setError(null);
    setFieldErrors(parsed.success ? {} : toFieldErrors(parsed.error));
    if (!parsed.success) return;
    setPending(true);
    try {
      await fetchJson("/api/password-reset", { method: "POST", body: JSON.stringify(parsed.data) });
      setSentTo(parsed.data.email);
    } catch (cause) {
      setError(cause instanceof RequestError ? cause.message : "Could not send the link. Try again.");
    } finally {
      setPending(false);
    }
  }

  if (sentTo) {
    return (
      <Alert tone="success" title="Check your email">
        If {sentTo} has an account, a link to choose a new password is on its way. It works once, for an hour.
      </Alert>
    );
  }
  return (
    <form onSubmit={handleSubmit} noValidate className="space-y-5">
      {error && <Alert tone="danger">{error}</Alert>}
      <TextField label="Email" name="email" type="email" autoComplete="email" autoFocus error={fieldErrors.email} />
      <Button type="submit" size="lg" className="w-full" loading={pending}>
        Email me a reset link
      </Button>
    </form>
  );
}
