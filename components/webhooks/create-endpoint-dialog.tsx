"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId } from "react";
import { serverFieldErrors } from "@/components/field-errors";
import { useWorkspaceRoutes } from "@/components/shell/use-workspace-routes";
import { Alert } from "@/components/ui/alert";
import { FormDialog } from "@/components/ui/dialog";
import { useSchemaForm } from "@/components/use-schema-form";
import { createEndpointSchema } from "@/lib/webhook-endpoints/schemas";
import { ENDPOINT_FIELDS, EndpointFormFields, readEndpointForm } from "./endpoint-form-fields";
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
  const idPrefix = useId();
  const { fieldErrors, handleSubmit, clearFieldErrors } = useSchemaForm(
    createEndpointSchema,
    readEndpointForm,
    (input) => {
      create.reset();
      create.mutate(input, { onSuccess: ({ endpoint }) => router.push(routes.endpoint(endpoint.id)) });
    },
  );
  const serverErrors = serverFieldErrors(create.error, { fields: ENDPOINT_FIELDS });
  const errors = { ...serverErrors, ...fieldErrors };

  function close() {
    create.reset();
    clearFieldErrors();
    onClose();
  }

  return (
    <FormDialog
      open={open}
      onClose={close}
      title="Add a webhook endpoint"
      description="The portal sends each job event you choose to this URL as it happens, signed with the endpoint's own secret, and retries when your server does not answer 2xx."
      className="max-w-lg"
      submitLabel="Add endpoint"
      pending={create.isPending}
      onSubmit={handleSubmit}
      formLabel="New webhook endpoint"
    >
      <EndpointFormFields idPrefix={`${idPrefix}-new`} errors={errors} />
      {create.isError && !serverErrors && <Alert tone="danger">{create.error.message}</Alert>}
    </FormDialog>
  );
}
