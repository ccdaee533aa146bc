"use client";

import { useMutation } from "@tanstack/react-query";
import { useId } from "react";
import { serverFieldErrors } from "@/components/field-errors";
import { Alert, LiveAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardFooter } from "@/components/ui/card";
import { useSchemaForm } from "@/components/use-schema-form";
import { createEndpointSchema } from "@/lib/webhook-endpoints/schemas";
import type { WebhookEndpointView } from "@/lib/webhook-endpoints/types";
import { ENDPOINT_FIELDS, EndpointFormFields, readEndpointForm } from "./endpoint-form-fields";
import { updateEndpointMutation } from "./mutations";

/** Edits URL, description and events with the add dialog's fields and schema. */
export function EndpointDetailsForm({ endpoint, canManage }: { endpoint: WebhookEndpointView; canManage: boolean }) {
  const update = useMutation(updateEndpointMutation());
  const idPrefix = useId();
  const { fieldErrors, handleSubmit } = useSchemaForm(
    createEndpointSchema.omit({ enabled: true }),
    readEndpointForm,
    (input) => {
      update.reset();
      update.mutate({ endpointId: endpoint.id, ...input });
    },
  );
  const serverErrors = serverFieldErrors(update.error, { fields: ENDPOINT_FIELDS });

  return (
    <Card>
      <form onSubmit={handleSubmit} noValidate aria-label="Endpoint details">
        <CardBody className="flex flex-col gap-5">
          <EndpointFormFields
            idPrefix={idPrefix}
            defaults={endpoint}
            errors={{ ...serverErrors, ...fieldErrors }}
            disabled={!canManage}
          />
          {update.isError && !serverErrors && <Alert tone="danger">{update.error.message}</Alert>}
          <LiveAlert tone="success">{update.isSuccess && "Endpoint saved."}</LiveAlert>
        </CardBody>
        <CardFooter>
          {!canManage && <p className="mr-auto text-ui text-subtle">Only owners and admins can change endpoints.</p>}
          {canManage && (
            <Button type="submit" loading={update.isPending}>
              Save changes
            </Button>
          )}
        </CardFooter>
      </form>
    </Card>
  );
}
