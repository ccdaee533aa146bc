"use client";

import { signIn } from "next-auth/react";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import type { SignInProvider } from "@/lib/auth/types";

function GitHubMark() {
  return (
    <svg viewBox="0 0 16 16" aria-hidden="true" className="size-4" fill="currentColor">
      <path d="M8 0C3.58 0 0 3.58 0 8c0 3.54 2.29 6.53 5.47 7.59.4.07.55-.17.55-.38 0-.19-.01-.82-.01-1.49-2.01.37-2.53-.49-2.69-.94-.09-.23-.48-.94-.82-1.13-.28-.15-.68-.52-.01-.53.63-.01 1.08.58 1.23.82.72 1.21 1.87.87 2.33.66.07-.52.28-.87.51-1.07-1.78-.2-3.64-.89-3.64-3.95 0-.87.31-1.59.82-2.15-.08-.2-.36-1.02.08-2.12 0 0 .67-.21 2.2.82.64-.18 1.32-.27 2-.27.68 0 1.36.09 2 .27 1.53-1.04 2.2-.82 2.2-.82.44 1.1.16 1.92.08 2.12.51.56.82 1.27.82 2.15 0 3.07-1.87 3.75-3.65 3.95.29.25.54.73.54 1.48 0 1.07-.01 1.93-.01 2.2 0 .21.15.46.55.38A8.01 8.01 0 0 0 16 8c0-4.42-3.58-8-8-8Z" />
    </svg>
  );
}

/** GitHub and email-link sign-in, shown only for the providers the server has configured. */
export function AlternativeSignIn({ providers, callbackUrl }: { providers: SignInProvider[]; callbackUrl: string }) {
  const [pending, setPending] = useState<string | null>(null);
  const github = providers.find((provider) => provider.id === "github");
  const email = providers.find((provider) => provider.id === "email");
  if (!github && !email) return null;

  async function sendEmailLink(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending("email");
    await signIn("email", { email: String(new FormData(event.currentTarget).get("email")), callbackUrl });
  }

  return (
    <div className="space-y-4">
      <div className="flex items-center gap-3 text-xs text-muted uppercase">
        <span className="h-px flex-1 bg-emphasis" />
        or
        <span className="h-px flex-1 bg-emphasis" />
      </div>
      {github && (
        <Button
          variant="secondary"
          size="lg"
          className="w-full"
          loading={pending === "github"}
          onClick={() => {
            setPending("github");
            void signIn("github", { callbackUrl });
          }}
        >
          {pending !== "github" && <GitHubMark />}
          Continue with GitHub
        </Button>
      )}
      {email && (
        <form onSubmit={sendEmailLink} className="space-y-3">
          <TextField
            label="Email me a sign-in link"
            name="email"
            type="email"
            autoComplete="email"
            required
            placeholder="you@company.com"
          />
          <Button type="submit" variant="secondary" size="lg" className="w-full" loading={pending === "email"}>
            Send sign-in link
          </Button>
        </form>
      )}
    </div>
  );
}
