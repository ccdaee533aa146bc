"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { LoadError } from "@/components/load-error";
import { routes } from "@/components/routes";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { SkeletonRows } from "@/components/ui/skeleton";
import type { MemberView } from "@/lib/members/types";
import { InviteDialog } from "./invite-dialog";
import { MembersTable } from "./members-table";
import {
  changeRoleMutation,
  leaveWorkspaceMutation,
  removeMemberMutation,
  transferOwnershipMutation,
} from "./mutations";
import { PendingInvites } from "./pending-invites";
import { membersQuery } from "./queries";

export interface MembersPanelProps {
  userId: string;
  workspaceName: string;
  /** Invite, re-role and remove members below the owner (members.write). */
  canManage: boolean;
  /** Hand the workspace over (workspace.transfer: the owner). */
  canTransfer: boolean;
}

/** Settings → Members: who is in the workspace, invites, roles, removal, leaving, and handing ownership over. */
export function MembersPanel({ userId, workspaceName, canManage, canTransfer }: MembersPanelProps) {
  const members = useQuery(membersQuery());
  const changeRole = useMutation(changeRoleMutation());
  const remove = useMutation(removeMemberMutation());
  const transfer = useMutation(transferOwnershipMutation());
  const leave = useMutation(leaveWorkspaceMutation());
  const [inviting, setInviting] = useState(false);
  const [removing, setRemoving] = useState<MemberView | null>(null);
  const [transferring, setTransferring] = useState<MemberView | null>(null);
  const [leaving, setLeaving] = useState(false);

  if (members.isError) {
    return (
      <LoadError
        title="Could not load the members"
        message={members.error.message}
        onRetry={() => void members.refetch()}
        retrying={members.isFetching}
      />
    );
  }
  if (!members.data) return <SkeletonRows rowClassName="h-12" />;
  const isOwner = members.data.members.some((member) => member.userId === userId && member.role === "owner");

  return (
    <div className="space-y-8">
      <div className="space-y-4">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <p className="text-sm text-subtle">
            {canManage
              ? "Owners and admins invite teammates and choose what each may do."
              : "Only owners and admins can invite teammates or change roles."}
          </p>
          {canManage && <Button onClick={() => setInviting(true)}>Invite member</Button>}
        </div>
        {changeRole.isError && <Alert tone="danger">{changeRole.error.message}</Alert>}
        <MembersTable
          members={members.data.members}
          userId={userId}
          canManage={canManage}
          canTransfer={canTransfer}
          pendingUserId={changeRole.isPending ? changeRole.variables.userId : null}
          onChangeRole={(member, role) => changeRole.mutate({ userId: member.userId, role })}
          onRemove={setRemoving}
          onTransfer={setTransferring}
        />
      </div>
      {members.data.invites && <PendingInvites invites={members.data.invites} />}
      {!isOwner && (
        <div className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-subtle px-5 py-4">
          <p className="text-sm text-subtle">Leave {workspaceName}: you lose access until someone invites you again.</p>
          <Button variant="danger" onClick={() => setLeaving(true)}>
            Leave workspace
          </Button>
        </div>
      )}

      <InviteDialog open={inviting} onClose={() => setInviting(false)} />
      <ConfirmDialog
        open={removing !== null}
        title={`Remove ${removing?.email ?? ""}?`}
        description={`They lose access to ${workspaceName} at once. API keys they created keep working until revoked.`}
        confirmLabel="Remove member"
        tone="danger"
        loading={remove.isPending}
        error={remove.error?.message}
        onCancel={() => {
          remove.reset();
          setRemoving(null);
        }}
        onConfirm={() => removing && remove.mutate(removing.userId, { onSuccess: () => setRemoving(null) })}
      />
      <ConfirmDialog
        open={transferring !== null}
        title={`Make ${transferring?.email ?? ""} the owner?`}
        description={`They can then delete ${workspaceName} or hand it on. You stay as an admin.`}
        confirmLabel="Transfer ownership"
        tone="danger"
        loading={transfer.isPending}
        error={transfer.error?.message}
        onCancel={() => {
          transfer.reset();
          setTransferring(null);
        }}
        // Your own powers just changed: the page is drawn again for the role you now have.
        onConfirm={() =>
          transferring && transfer.mutate(transferring.userId, { onSuccess: () => window.location.reload() })
        }
      />
      <ConfirmDialog
        open={leaving}
        title={`Leave ${workspaceName}?`}
        description="You lose access at once. To come back, someone must invite you again."
        confirmLabel="Leave workspace"
        tone="danger"
        loading={leave.isPending}
        error={leave.error?.message}
        onCancel={() => {
          leave.reset();
          setLeaving(false);
        }}
        // A full load: /jobs opens another workspace of yours, or offers to create one.
        onConfirm={() => leave.mutate(undefined, { onSuccess: () => window.location.assign(routes.jobs) })}
      />
    </div>
  );
}
