"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { useWorkspaceRoutes } from "@/components/shell/use-workspace-routes";
import { serverFieldErrors, toFieldErrors, type FieldErrors } from "@/components/field-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { createEndpointSchema } from "@/lib/webhook-endpoints/schemas";
import { ENDPOINT_FIELDS, EndpointFormFields, readEndpointForm, type EndpointField } from "./endpoint-form-fields";
import { createEndpointMutation } from "./mutations";

export interface CreateEndpointDialogProps {
  open: boolean;
  onClose: () => void;
}

/** Adds an endpoint, then opens its page: that is where its signing secret and test button are. */
export function CreateEndpointDialog({ open, onClose }: CreateEndpointDialogProps) {
  const router = useRouter();
  const routes = useWorkspaceRoutes();
  const create = useMutation(createEndpointMutation());
  const formId = useId();
  const [fieldErrors, setFieldErrors] = useState<FieldErrors<EndpointField>>({});
  const serverErrors = serverFieldErrors(create.error, { fields: ENDPOINT_FIELDS });
  const errors = { ...serverErrors, ...fieldErrors };

  function close() {
    create.reset();
    setFieldErrors({});
    onClose();
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = createEndpointSchema.safeParse(readEndpointForm(event.currentTarget));
    setFieldErrors(parsed.success ? {} : toFieldErrors(parsed.error));
    if (!parsed.success) return;
    create.reset();
    create.mutate(parsed.data, { onSuccess: ({ endpoint }) => router.push(routes.endpoint(endpoint.id)) });
  }

  return (
    <Dialog
      open={open}
      onClose={close}
      title="Add a webhook endpoint"
      description="The portal sends each job event you choose to this URL as it happens, signed with the endpoint's own secret, and retries when your server does not answer 2xx."
      className="max-w-lg"
      footer={
        <>
          <Button variant="secondary" onClick={close} disabled={create.isPending}>
            Cancel
          </Button>
          <Button type="submit" form={formId} loading={create.isPending}>
            Add endpoint
          </Button>
        </>
      }
    >
      <form id={formId} onSubmit={handleSubmit} noValidate className="space-y-4" aria-label="New webhook endpoint">
        <EndpointFormFields idPrefix={`${formId}-new`} errors={errors} />
        {create.isError && !serverErrors && <Alert tone="danger">{create.error.message}</Alert>}
      </form>
    </Dialog>
  );
}
