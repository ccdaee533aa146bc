"use client";

import { Alert } from "@/components/ui/alert";
import { CopyButton } from "@/components/ui/copy-button";
import { ROLE_LABELS } from "@/lib/auth/roles";
import type { SentInvite } from "@/lib/members/types";

const MAIL_NOTE: Record<SentInvite["mail"], { tone: "success" | "info" | "warning"; text: string }> = {
  sent: { tone: "success", text: "We emailed the link too. You can also send it yourself." },
  not_configured: { tone: "info", text: "This portal sends no email: send the link yourself." },
  failed: { tone: "warning", text: "The mail server refused the email, but the link works: send it yourself." },
};

/** The invite link, always shown to the inviter to copy, whether or not it was mailed. */
export function InviteLinkResult({ sent }: { sent: SentInvite }) {
  const note = MAIL_NOTE[sent.mail];
  return (
    <div className="space-y-4">
      <p className="text-sm text-default">
        {sent.invite.email} is invited as {ROLE_LABELS[sent.invite.role].toLowerCase()}. The link works once, until it
        expires in 7 days.
      </p>
      <div className="flex items-center gap-2">
        <output
          aria-label="Invite link"
          data-testid="invite-link"
          className="flex h-9 min-w-0 flex-1 items-center overflow-x-auto rounded-md border border-subtle bg-muted px-3 font-mono text-ui whitespace-nowrap text-emphasis"
        >
          {sent.inviteUrl}
        </output>
        <CopyButton value={sent.inviteUrl} label="Copy invite link" showText />
      </div>
      <Alert tone={note.tone}>{note.text}</Alert>
    </div>
  );
}
