"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { routes } from "@/components/routes";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Spinner } from "@/components/ui/spinner";
import { describeAuthError } from "@/lib/auth/describe-auth-error";
import { parseSignInErrorCode } from "@/lib/auth/sign-in-errors";
import { CONFIRMATION_PROVIDER_ID } from "@/lib/auth/types";
import { AUTH_LINK_CLASSES } from "./auth-card";

type State =
  | { step: "confirming" }
  | { step: "password"; error?: string; pending?: boolean }
  | { step: "failed"; code: string | null };

const FAILURES: Record<string, { title: string; body: string }> = {
  ConfirmationAccountExists: {
    title: "This email already has an account",
    body: "It was created after you signed up, so this link has nothing left to confirm. Sign in to that account instead.",
  },
  ConfirmationInvalid: {
    title: "This link has expired or was already used",
    body: "If you already opened it, your account is ready: sign in. Otherwise ask for a new link, or sign up again.",
  },
};

/**
 * The page a confirmation link opens. It posts the link's token to next-auth (the GET itself
 * changes nothing, so mail scanners that fetch links do not use them up) and lands in the new
 * workspace. In another browser than the sign-up's it asks for the sign-up's password first.
 */
export function ConfirmSignUp({ token }: { token: string }) {
  const router = useRouter();
  const [state, setState] = useState<State>({ step: "confirming" });
  const started = useRef(false);

  async function confirm(password?: string): Promise<void> {
    const result = await signIn(CONFIRMATION_PROVIDER_ID, {
      token,
      password: password ?? "",
      callbackUrl: routes.jobs,
      redirect: false,
    });
    if (result?.ok && !result.error) {
      router.replace(routes.jobs);
      router.refresh();
      return;
    }
    const code = result?.error ?? null;
    if (code === "ConfirmationPasswordRequired") setState({ step: "password" });
    else if (code === "ConfirmationPasswordWrong")
      setState({ step: "password", error: "That is not the password chosen at sign-up." });
    else if (code && parseSignInErrorCode(code))
      setState({ step: "password", error: describeAuthError(code) ?? undefined });
    else setState({ step: "failed", code });
  }

  // biome-ignore lint/correctness/useExhaustiveDependencies: once per page load, whatever re-renders.
  useEffect(() => {
    // Once per page load, even under React's development double effects: a token works once.
    if (started.current) return;
    started.current = true;
    void confirm();
  }, []);

  function submitPassword(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget).get("password") ?? "");
    if (!password) {
      setState({ step: "password", error: "Enter the password you chose when you signed up." });
      return;
    }
    setState({ step: "password", pending: true });
    void confirm(password);
  }

  if (state.step === "confirming") {
    return (
      <p role="status" className="flex items-center gap-3 text-sm text-default">
        <Spinner /> Confirming your email…
      </p>
    );
  }

  if (state.step === "password") {
    return (
      <form onSubmit={submitPassword} noValidate className="space-y-5">
        <p className="text-sm leading-6 text-default">
          This link was opened in a different browser from the one you signed up in. Enter the password you chose at
          sign-up to confirm your email.
        </p>
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          autoFocus
          required
          error={state.error}
        />
        <Button type="submit" size="lg" className="w-full" loading={state.pending}>
          Confirm and open my workspace
        </Button>
        <p className="text-ui leading-5 text-subtle">
          Did not sign up? Then close this page: without that password no account is created.
        </p>
      </form>
    );
  }

  const failure = FAILURES[state.code ?? ""] ?? FAILURES.ConfirmationInvalid;
  return (
    <div className="space-y-5">
      <Alert tone="warning" title={failure.title}>
        {failure.body}
      </Alert>
      <div className="flex flex-wrap gap-x-5 gap-y-2 text-sm">
        <Link href={routes.signIn} className={AUTH_LINK_CLASSES}>
          Sign in
        </Link>
        <Link href={routes.checkEmail()} className={AUTH_LINK_CLASSES}>
          Send a new link
        </Link>
        <Link href={routes.signUp} className={AUTH_LINK_CLASSES}>
          Sign up again
        </Link>
      </div>
    </div>
  );
}
