"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { RelativeTime } from "@/components/ui/relative-time";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { ROLE_LABELS } from "@/lib/auth/roles";
import type { InviteView } from "@/lib/members/types";
import { InviteLinkResult } from "./invite-link-result";
import { resendInviteMutation, revokeInviteMutation } from "./mutations";

/** Invites not yet accepted: re-send (a new link for 7 more days) or revoke. */
export function PendingInvites({ invites }: { invites: InviteView[] }) {
  const resend = useMutation(resendInviteMutation());
  const revoke = useMutation(revokeInviteMutation());
  const [now] = useState(() => Date.now());
  if (invites.length === 0) return null;
  return (
    <section aria-labelledby="pending-invites" className="space-y-3">
      <h2 id="pending-invites" className="text-title font-semibold text-emphasis">
        Pending invites
      </h2>
      {(resend.isError || revoke.isError) && <Alert tone="danger">{(resend.error ?? revoke.error)?.message}</Alert>}
      <Table aria-label="Pending invites">
        <TableHead>
          <tr>
            <TableHeaderCell>Email</TableHeaderCell>
            <TableHeaderCell>Role</TableHeaderCell>
            <TableHeaderCell>Invited by</TableHeaderCell>
            <TableHeaderCell>Expires</TableHeaderCell>
            <TableHeaderCell>
              <span className="sr-only">Actions</span>
            </TableHeaderCell>
          </tr>
        </TableHead>
        <TableBody>
          {invites.map((invite) => (
            <TableRow key={invite.id} data-testid="invite-row">
              <TableCell className="font-medium text-emphasis">{invite.email}</TableCell>
              <TableCell>{ROLE_LABELS[invite.role]}</TableCell>
              <TableCell className="max-w-48 truncate">
                {invite.invitedBy ?? <span className="text-muted">—</span>}
              </TableCell>
              <TableCell>
                {Date.parse(invite.expiresAt) <= now ? (
                  <Badge tone="warning">Expired</Badge>
                ) : (
                  <RelativeTime iso={invite.expiresAt} />
                )}
              </TableCell>
              <TableCell className="text-right whitespace-nowrap">
                <Button
                  variant="ghost"
                  size="sm"
                  loading={resend.isPending && resend.variables === invite.id}
                  onClick={() => resend.mutate(invite.id)}
                  aria-label={`Re-send the invite to ${invite.email}`}
                >
                  Re-send
                </Button>
                <Button
                  variant="ghost"
                  size="sm"
                  loading={revoke.isPending && revoke.variables === invite.id}
                  onClick={() => revoke.mutate(invite.id)}
                  aria-label={`Revoke the invite to ${invite.email}`}
                >
                  Revoke
                </Button>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Dialog
        open={Boolean(resend.data)}
        onClose={() => resend.reset()}
        title="Invite sent again"
        footer={<Button onClick={() => resend.reset()}>Done</Button>}
        className="max-w-lg"
      >
        {resend.data && <InviteLinkResult sent={resend.data} />}
      </Dialog>
    </section>
  );
}
