"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";
import { routes } from "@/components/routes";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { fetchJson, RequestError } from "@/lib/http/fetch-json";

/** Ends every session of the user's, on every device, this one included. */
export function SignOutEverywhereButton() {
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirm() {
    setPending(true);
    setError(null);
    try {
      await fetchJson<null>("/api/account/sign-out-everywhere", { method: "POST" });
    } catch (cause) {
      setPending(false);
      setError(cause instanceof RequestError ? cause.message : "Could not sign out everywhere. Try again.");
      return;
    }
    await signOut({ callbackUrl: routes.signIn });
  }

  return (
    <div className="space-y-3">
      <Button variant="danger" onClick={() => setOpen(true)}>
        Sign out everywhere
      </Button>
      {error && !open && <Alert tone="danger">{error}</Alert>}
      <ConfirmDialog
        open={open}
        title="Sign out everywhere?"
        description="Every session of yours ends: other browsers and devices at their next request, this one now."
        confirmLabel="Sign out everywhere"
        tone="danger"
        loading={pending}
        error={error}
        onCancel={() => setOpen(false)}
        onConfirm={() => void confirm()}
      />
    </div>
  );
}
