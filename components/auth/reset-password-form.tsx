"use client";

import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { type FormEvent, useState } from "react";
import { type FieldErrors, serverFieldErrors, toFieldErrors } from "@/components/field-errors";
import { routes } from "@/components/routes";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { completePasswordResetSchema } from "@/lib/auth/schemas";
import { fetchJson, RequestError } from "@/lib/http/fetch-json";

/** Follows a reset link: a new password, then signed in with it (every other session is signed out). */
export function ResetPasswordForm({ token }: { token: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors<"password">>({});

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = completePasswordResetSchema.safeParse({
      token,
      password: new FormData(event.currentTarget).get("password"),
    });
    setError(null);
    setFieldErrors(parsed.success ? {} : toFieldErrors(parsed.error));
    if (!parsed.success) {
      if (!parsed.error.issues.some((issue) => issue.path[0] === "password"))
        setError("This reset link is incomplete. Open it from the email again.");
      return;
    }
    setPending(true);
    let email: string;
    try {
      ({ email } = await fetchJson<{ email: string }>("/api/password-reset/complete", {
        method: "POST",
        body: JSON.stringify(parsed.data),
      }));
    } catch (cause) {
      setPending(false);
      const serverErrors = serverFieldErrors<"password">(cause, { fields: ["password"] });
      if (serverErrors) setFieldErrors(serverErrors);
      else setError(cause instanceof RequestError ? cause.message : "Could not reset the password. Try again.");
      return;
    }
    const result = await signIn("credentials", { email, password: parsed.data.password, redirect: false });
    router.replace(!result?.ok || result.error ? routes.signIn : routes.jobs);
    router.refresh();
  }

  return (
    <form onSubmit={handleSubmit} noValidate className="space-y-5">
      {error && <Alert tone="danger">{error}</Alert>}
      <TextField
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        autoFocus
        hint="At least 10 characters."
        error={fieldErrors.password}
      />
      <Button type="submit" size="lg" className="w-full" loading={pending}>
        Set new password
      </Button>
    </form>
  );
}
