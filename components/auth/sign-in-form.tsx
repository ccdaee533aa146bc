"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { toFieldErrors, type FieldErrors } from "@/components/field-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { describeAuthError } from "@/lib/auth/describe-auth-error";
import { signInSchema } from "@/lib/auth/schemas";

export interface SignInFormProps {
  callbackUrl: string;
  /** A message from next-auth's redirect (`?error=`), already in words. */
  initialError: string | null;
}

export function SignInForm({ callbackUrl, initialError }: SignInFormProps) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(initialError);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors<"email" | "password">>({});

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = signInSchema.safeParse({ email: form.get("email"), password: form.get("password") });
    setError(null);
    setFieldErrors(parsed.success ? {} : toFieldErrors(parsed.error));
    if (!parsed.success) return;

    setPending(true);
    // next-auth's own endpoint checks the CSRF token and sets the session cookie.
    const result = await signIn("credentials", { ...parsed.data, redirect: false });
    if (!result?.ok || result.error) {
      setPending(false);
      // Wrong password, a locked email or too many attempts: each in words, with when to try again.
      setError(describeAuthError(result?.error) ?? "Sign-in failed. Try again.");
      return;
    }
    router.replace(callbackUrl);
    router.refresh();
  }

  return (
    <form onSubmit={handleSubmit} noValidate className="space-y-5">
      {error && <Alert tone="danger">{error}</Alert>}
      <TextField label="Email" name="email" type="email" autoComplete="email" autoFocus required error={fieldErrors.email} />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        error={fieldErrors.password}
      />
      <Button type="submit" size="lg" className="w-full" loading={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
