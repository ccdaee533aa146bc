"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { type FormEvent, useState } from "react";
import { type FieldErrors, toFieldErrors } from "@/components/field-errors";
import { routes } from "@/components/routes";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { describeAuthError } from "@/lib/auth/describe-auth-error";
import { signInSchema } from "@/lib/auth/schemas";
import { AUTH_LINK_CLASSES } from "./auth-card";

export interface SignInFormProps {
  callbackUrl: string;
  /** A message from next-auth's redirect (`?error=`), already in words. */
  initialError: string | null;
  /** EMAIL_SERVER is set: a failed sign-in may be a sign-up whose email is not confirmed yet. */
  confirmsEmail: boolean;
}

export function SignInForm({ callbackUrl, initialError, confirmsEmail }: SignInFormProps) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(initialError);
  // The email of a failed password sign-in, for the link to resend a confirmation.
  const [failedEmail, setFailedEmail] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors<"email" | "password">>({});

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = signInSchema.safeParse({ email: form.get("email"), password: form.get("password") });
    setError(null);
    setFailedEmail(null);
    setFieldErrors(parsed.success ? {} : toFieldErrors(parsed.error));
    if (!parsed.success) return;

    setPending(true);
    // next-auth's own endpoint checks the CSRF token and sets the session cookie.
    const result = await signIn("credentials", { ...parsed.data, redirect: false });
    if (!result?.ok || result.error) {
      setPending(false);
      // Wrong password, a locked email or too many attempts: each in words, with when to try again.
      const wrongCredentials = result?.error === "CredentialsSignin";
      setError(describeAuthError(result?.error) ?? "Sign-in failed. Try again.");
      // The same words whether the account is unconfirmed, unknown or the password is wrong.
      if (wrongCredentials) setFailedEmail(parsed.data.email);
      return;
    }
    router.replace(callbackUrl);
    router.refresh();
  }

  return (
    <form onSubmit={handleSubmit} noValidate className="space-y-5">
      {error && (
        <Alert tone="danger">
          {error}
          {confirmsEmail && failedEmail && (
            <p className="mt-1">
              Signed up recently? Your account opens once you confirm your email.{" "}
              <Link
                href={`/sign-up/check-email?${new URLSearchParams({ email: failedEmail })}`}
                className={AUTH_LINK_CLASSES}
              >
                Resend the confirmation link
              </Link>
            </p>
          )}
        </Alert>
      )}
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        autoFocus
        required
        error={fieldErrors.email}
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        error={fieldErrors.password}
        labelAside={
          <Link href={routes.forgotPassword} className={`${AUTH_LINK_CLASSES} text-xs`}>
            Forgot your password?
          </Link>
        }
      />
      <Button type="submit" size="lg" className="w-full" loading={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
