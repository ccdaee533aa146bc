"use client";

import { useState } from "react";
import { workspaceRoutes } from "@/components/routes";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { fetchJson, RequestError } from "@/lib/http/fetch-json";
import type { AcceptedInvite } from "@/lib/members/types";

// The invite page has no QueryClient (it is outside any workspace), so this one call is a plain
// fetch; pending and error are form state, not server data.
export function AcceptInviteButton({
  token,
  signedInAs,
  inviteEmail,
}: {
  token: string;
  signedInAs: string;
  inviteEmail: string;
}) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function accept() {
    setPending(true);
    setError(null);
    try {
      const { workspaceId } = await fetchJson<AcceptedInvite>("/api/invites/accept", {
        method: "POST",
        body: JSON.stringify({ token }),
      });
      // A full load: the new workspace's pages, sidebar and switcher drawn for the new member.
      window.location.assign(workspaceRoutes(workspaceId).jobs);
    } catch (cause) {
      setPending(false);
      setError(cause instanceof RequestError ? cause.message : "Could not accept the invite. Try again.");
    }
  }

  return (
    <div className="space-y-4">
      {signedInAs.toLowerCase() !== inviteEmail && (
        <Alert tone="warning">
          You are signed in as {signedInAs}; this invite is for {inviteEmail}. Sign out, then open the link again.
        </Alert>
      )}
      {error && <Alert tone="danger">{error}</Alert>}
      <Button size="lg" className="w-full" onClick={accept} loading={pending}>
        Accept invite
      </Button>
    </div>
  );
}
