"use client";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { RelativeTime } from "@/components/ui/relative-time";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { ROLE_LABELS } from "@/lib/auth/roles";
import type { MemberView } from "@/lib/members/types";
import { RoleSelect } from "./role-select";

export interface MembersTableProps {
  members: MemberView[];
  /** The signed-in user. */
  userId: string;
  /** May re-role and remove members below the owner (members.write). */
  canManage: boolean;
  /** May hand the workspace over (the owner). */
  canTransfer: boolean;
  onChangeRole: (member: MemberView, role: Exclude<MemberView["role"], "owner">) => void;
  onRemove: (member: MemberView) => void;
  onTransfer: (member: MemberView) => void;
  /** The member whose role is being saved. */
  pendingUserId: string | null;
}

export function MembersTable({
  members,
  userId,
  canManage,
  canTransfer,
  onChangeRole,
  onRemove,
  onTransfer,
  pendingUserId,
}: MembersTableProps) {
  return (
    <Table aria-label="Members">
      <TableHead>
        <tr>
          <TableHeaderCell>Member</TableHeaderCell>
          <TableHeaderCell>Role</TableHeaderCell>
          <TableHeaderCell>Last active</TableHeaderCell>
          <TableHeaderCell>
            <span className="sr-only">Actions</span>
          </TableHeaderCell>
        </tr>
      </TableHead>
      <TableBody>
        {members.map((member) => {
          const isSelf = member.userId === userId;
          const editable = canManage && !isSelf && member.role !== "owner";
          const label = member.name ?? member.email;
          return (
            <TableRow key={member.userId} data-testid="member-row">
              <TableCell>
                <span className="block font-medium text-emphasis">
                  {label}
                  {isSelf && <span className="font-normal text-subtle"> (you)</span>}
                </span>
                {member.name && <span className="block text-xs text-subtle">{member.email}</span>}
              </TableCell>
              <TableCell className="w-44">
                {editable && member.role !== "owner" ? (
                  <RoleSelect
                    label={`Role of ${member.email}`}
                    hideLabel
                    value={member.role}
                    disabled={pendingUserId === member.userId}
                    onChange={(role) => onChangeRole(member, role)}
                  />
                ) : (
                  <Badge tone={member.role === "owner" ? "brand" : "neutral"}>{ROLE_LABELS[member.role]}</Badge>
                )}
              </TableCell>
              <TableCell>
                {member.lastActiveAt ? (
                  <RelativeTime iso={member.lastActiveAt} />
                ) : (
                  <span className="text-muted">—</span>
                )}
              </TableCell>
              <TableCell className="text-right whitespace-nowrap">
                {canTransfer && !isSelf && (
                  <Button
                    variant="ghost"
                    size="sm"
                    onClick={() => onTransfer(member)}
                    aria-label={`Make ${member.email} the owner`}
                  >
                    Make owner
                  </Button>
                )}
                {editable && (
                  <Button
                    variant="ghost"
                    size="sm"
                    onClick={() => onRemove(member)}
                    aria-label={`Remove ${member.email}`}
                  >
                    Remove
                  </Button>
                )}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
