"use client";

import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { type FieldErrors, serverFieldErrors, toFieldErrors } from "@/components/field-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import { ROLE_DESCRIPTIONS } from "@/lib/auth/roles";
import { inviteInputSchema } from "@/lib/members/schemas";
import { InviteLinkResult } from "./invite-link-result";
import { inviteMemberMutation } from "./mutations";
import { RoleSelect } from "./role-select";

/** Invites someone by email with a role, then shows the link to copy (mailed too when the portal sends mail). */
export function InviteDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const invite = useMutation(inviteMemberMutation());
  const formId = useId();
  const [fieldErrors, setFieldErrors] = useState<FieldErrors<"email" | "role">>({});
  const [role, setRole] = useState<"admin" | "developer" | "viewer">("viewer");

  function close() {
    invite.reset();
    setFieldErrors({});
    setRole("viewer");
    onClose();
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = inviteInputSchema.safeParse({ email: form.get("email"), role: form.get("role") });
    setFieldErrors(parsed.success ? {} : toFieldErrors(parsed.error));
    if (parsed.success)
      invite.mutate(parsed.data, {
        onError: (error) => setFieldErrors(serverFieldErrors(error, { fields: ["email", "role"] }) ?? {}),
      });
  }

  if (invite.data) {
    return (
      <Dialog
        open={open}
        onClose={close}
        title="Invite sent"
        footer={<Button onClick={close}>Done</Button>}
        className="max-w-lg"
      >
        <InviteLinkResult sent={invite.data} />
      </Dialog>
    );
  }

  return (
    <Dialog
      open={open}
      onClose={close}
      title="Invite a teammate"
      description="They get a link that works once, for 7 days. It opens sign-up or sign-in and lands them in this workspace."
      footer={
        <>
          <Button variant="secondary" onClick={close} disabled={invite.isPending}>
            Cancel
          </Button>
          <Button type="submit" form={formId} loading={invite.isPending}>
            Send invite
          </Button>
        </>
      }
    >
      <form id={formId} onSubmit={handleSubmit} noValidate className="space-y-4">
        <TextField
          label="Email"
          name="email"
          type="email"
          placeholder="teammate@example.com"
          autoComplete="off"
          error={fieldErrors.email}
          autoFocus
        />
        <div className="space-y-1.5">
          <RoleSelect label="Role" name="role" value={role} onChange={setRole} />
          <p className="text-xs text-subtle">{ROLE_DESCRIPTIONS[role]}</p>
        </div>
        {invite.isError && !fieldErrors.email && <Alert tone="danger">{invite.error.message}</Alert>}
      </form>
    </Dialog>
  );
}
