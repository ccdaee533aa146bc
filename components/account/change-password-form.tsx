"use client";

import { signIn } from "next-auth/react";
import { type FormEvent, useRef, useState } from "react";
import { type FieldErrors, serverFieldErrors, toFieldErrors } from "@/components/field-errors";
import { routes } from "@/components/routes";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { changePasswordSchema } from "@/lib/auth/schemas";
import { fetchJson, RequestError } from "@/lib/http/fetch-json";

type Field = "currentPassword" | "newPassword";

/**
 * Account → Password. The change signs out every session, this one too; this browser then signs
 * in again with the new password, so only the others are left signed out. A plain fetch: its
 * pending and error are form state, and nothing cached depends on it.
 */
export function ChangePasswordForm({ email }: { email: string }) {
  const formRef = useRef<HTMLFormElement>(null);
  const [pending, setPending] = useState(false);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors<Field>>({});

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = changePasswordSchema.safeParse(Object.fromEntries(new FormData(event.currentTarget)));
    setError(null);
    setDone(false);
    setFieldErrors(parsed.success ? {} : toFieldErrors(parsed.error));
    if (!parsed.success) return;
    setPending(true);
    try {
      await fetchJson<null>("/api/account/password", { method: "POST", body: JSON.stringify(parsed.data) });
    } catch (cause) {
      setPending(false);
      const serverErrors = serverFieldErrors<Field>(cause, { fields: ["currentPassword", "newPassword"] });
      if (serverErrors) setFieldErrors(serverErrors);
      else setError(cause instanceof RequestError ? cause.message : "Could not change the password. Try again.");
      return;
    }
    const result = await signIn("credentials", { email, password: parsed.data.newPassword, redirect: false });
    setPending(false);
    if (!result?.ok || result.error) {
      window.location.assign(routes.signIn);
      return;
    }
    formRef.current?.reset();
    setDone(true);
  }

  return (
    <form ref={formRef} onSubmit={handleSubmit} noValidate className="max-w-md space-y-4">
      {error && <Alert tone="danger">{error}</Alert>}
      {done && <Alert tone="success">Password changed. Every other session of yours is signed out.</Alert>}
      <TextField
        label="Current password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        error={fieldErrors.currentPassword}
      />
      <TextField
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        hint="At least 10 characters."
        error={fieldErrors.newPassword}
      />
      <Button type="submit" loading={pending}>
        Change password
      </Button>
    </form>
  );
}
