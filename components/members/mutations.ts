import { mutationOptions, type QueryClient } from "@tanstack/react-query";
import type { Role } from "@/lib/auth/roles";
import { fetchJson } from "@/lib/http/fetch-json";
import type { InviteInput } from "@/lib/members/schemas";
import type { SentInvite } from "@/lib/members/types";
import { memberKeys } from "./queries";

// The members feature's writes; each changes the one list (members and pending invites) it invalidates.

const invalidateList = (client: QueryClient) => client.invalidateQueries({ queryKey: memberKeys.list(), exact: true });

/** The invite link stays in the mutation's data (shown to copy) until reset(). */
export const inviteMemberMutation = () =>
  mutationOptions({
    mutationFn: (input: InviteInput) =>
      fetchJson<SentInvite>("/api/invites", { method: "POST", body: JSON.stringify(input) }),
    onSuccess: (_data, _input, _onMutate, { client }) => invalidateList(client),
  });

export const resendInviteMutation = () =>
  mutationOptions({
    mutationFn: (inviteId: string) =>
      fetchJson<SentInvite>(`/api/invites/${encodeURIComponent(inviteId)}/resend`, { method: "POST" }),
    onSuccess: (_data, _input, _onMutate, { client }) => invalidateList(client),
  });

export const revokeInviteMutation = () =>
  mutationOptions({
    mutationFn: (inviteId: string) =>
      fetchJson<null>(`/api/invites/${encodeURIComponent(inviteId)}`, { method: "DELETE" }),
    onSuccess: (_data, _input, _onMutate, { client }) => invalidateList(client),
  });

export const changeRoleMutation = () =>
  mutationOptions({
    mutationFn: ({ userId, role }: { userId: string; role: Exclude<Role, "owner"> }) =>
      fetchJson<unknown>(`/api/members/${encodeURIComponent(userId)}`, {
        method: "PATCH",
        body: JSON.stringify({ role }),
      }),
    onSuccess: (_data, _input, _onMutate, { client }) => invalidateList(client),
  });

export const removeMemberMutation = () =>
  mutationOptions({
    mutationFn: (userId: string) => fetchJson<null>(`/api/members/${encodeURIComponent(userId)}`, { method: "DELETE" }),
    onSuccess: (_data, _input, _onMutate, { client }) => invalidateList(client),
  });

/** After a transfer the page's own powers change: the caller reloads it. */
export const transferOwnershipMutation = () =>
  mutationOptions({
    mutationFn: (userId: string) =>
      fetchJson<null>("/api/workspace/transfer", { method: "POST", body: JSON.stringify({ userId }) }),
  });

export const leaveWorkspaceMutation = () =>
  mutationOptions({
    mutationFn: () => fetchJson<null>("/api/workspace/leave", { method: "POST" }),
  });
