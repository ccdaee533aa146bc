"use client";

import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { type FormEvent, useState } from "react";
import { type FieldErrors, serverFieldErrors, toFieldErrors } from "@/components/field-errors";
import { routes, workspaceRoutes } from "@/components/routes";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { type SignUpInput, signUpSchema } from "@/lib/auth/schemas";
import type { SignUpResponse } from "@/lib/auth/types";
import { fetchJson, RequestError } from "@/lib/http/fetch-json";

type Field = keyof SignUpInput;

export interface SignUpFormProps {
  /** EMAIL_SERVER is set: the account opens once its email is confirmed. */
  confirmsEmail: boolean;
  /** Signing up through an invite link: its address, and the workspace the account joins. */
  invite?: { token: string; email: string; workspaceName: string };
  /** SIGN_UP names the domains that may sign up without an invite. */
  domainsHint?: string;
}

// Signed-out pages have no QueryClient (it lives in the signed-in layout), so this one call
// is a plain fetch; pending and error are form state, not server data.
export function SignUpForm({ confirmsEmail, invite, domainsHint }: SignUpFormProps) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors<Field>>({});

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = {
      ...Object.fromEntries(new FormData(event.currentTarget)),
      ...(invite && { email: invite.email, inviteToken: invite.token }),
    };
    const parsed = signUpSchema.safeParse(form);
    setError(null);
    setFieldErrors(parsed.success ? {} : toFieldErrors(parsed.error));
    if (!parsed.success) return;

    setPending(true);
    let response: SignUpResponse;
    try {
      response = await fetchJson<SignUpResponse>("/api/sign-up", { method: "POST", body: JSON.stringify(parsed.data) });
    } catch (cause) {
      setPending(false);
      const serverErrors = serverFieldErrors<Field>(cause);
      if (serverErrors) setFieldErrors(serverErrors);
      else setError(cause instanceof RequestError ? cause.message : "Sign-up failed. Try again.");
      return;
    }
    // An invite sign-up is created at once, confirmed by the invite itself.
    if (response.status === "check_email" && !invite) {
      router.push(routes.checkEmail(parsed.data.email));
      return;
    }
    const result = await signIn("credentials", {
      email: parsed.data.email,
      password: parsed.data.password,
      redirect: false,
    });
    if (!result?.ok || result.error) {
      // The account exists; only the automatic sign-in failed.
      router.replace(routes.signIn);
      return;
    }
    router.replace(response.status === "created" ? workspaceRoutes(response.workspaceId).jobs : routes.jobs);
    router.refresh();
  }

  return (
    <form onSubmit={handleSubmit} noValidate className="space-y-5">
      {error && <Alert tone="danger">{error}</Alert>}
      <TextField label="Your name" name="name" autoComplete="name" autoFocus required error={fieldErrors.name} />
      {invite ? (
        <TextField
          label="Work email"
          name="email"
          type="email"
          value={invite.email}
          readOnly
          hint={`The invite is for this address.`}
          error={fieldErrors.email}
        />
      ) : (
        <TextField
          label="Work email"
          name="email"
          type="email"
          autoComplete="email"
          required
          hint={domainsHint}
          error={fieldErrors.email}
        />
      )}
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 10 characters."
        error={fieldErrors.password}
      />
      {!invite && (
        <TextField
          label="Workspace name (optional)"
          name="workspaceName"
          autoComplete="organization"
          hint="Your team or project; left empty, it is named after you. You can invite teammates later."
          error={fieldErrors.workspaceName}
        />
      )}
      <Button type="submit" size="lg" className="w-full" loading={pending}>
        {pending
          ? invite
            ? "Creating your account…"
            : "Creating your workspace…"
          : invite
            ? `Join ${invite.workspaceName}`
            : "Create account"}
      </Button>
      {confirmsEmail && !invite && (
        <p className="text-center text-ui text-subtle">We will email you a link to confirm your address.</p>
      )}
    </form>
  );
}
