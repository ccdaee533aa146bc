"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { type FieldErrors, serverFieldErrors, toFieldErrors } from "@/components/field-errors";
import { QueryState } from "@/components/query-state";
import { SettingsSection } from "@/components/settings/settings-section";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardFooter } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { SkeletonFormCard } from "@/components/ui/skeleton";
import { MAX_RETENTION_DAYS, MIN_RETENTION_DAYS, retentionInputSchema } from "@/lib/retention/schemas";
import type { RetentionView } from "@/lib/retention/types";
import { updateRetentionMutation } from "./mutations";
import { retentionQuery } from "./queries";

function RetentionForm({ retention, canManage }: { retention: RetentionView; canManage: boolean }) {
  const update = useMutation(updateRetentionMutation());
  const [errors, setErrors] = useState<FieldErrors<"days">>({});

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const raw = String(new FormData(event.currentTarget).get("days") ?? "").trim();
    const parsed = retentionInputSchema.safeParse({ days: raw === "" ? undefined : Number(raw) });
    setErrors(parsed.success ? {} : toFieldErrors(parsed.error));
    if (!parsed.success) return;
    update.mutate(parsed.data, { onError: (error) => setErrors(serverFieldErrors(error, { fields: ["days"] }) ?? {}) });
  }

  return (
    <Card>
      <form onSubmit={handleSubmit} noValidate aria-label="Retention">
        <CardBody className="space-y-5">
          <TextField
            key={retention.days}
            label="Keep history for (days)"
            name="days"
            type="number"
            inputMode="numeric"
            min={MIN_RETENTION_DAYS}
            max={MAX_RETENTION_DAYS}
            defaultValue={retention.days}
            disabled={!canManage}
            error={errors.days}
            hint="Events, webhook deliveries and their attempts older than this are removed within minutes. Jobs and their current status are kept; deliveries still being retried are never removed."
            className="max-w-xs"
          />
          {update.isError && !errors.days && <Alert tone="danger">{update.error.message}</Alert>}
          {update.isSuccess && <Alert tone="success">Retention updated.</Alert>}
        </CardBody>
        <CardFooter>
          <p className="mr-auto text-ui text-subtle">
            {canManage
              ? "Removed history cannot be restored."
              : "Only owners and admins can change how long history is kept."}
          </p>
          {canManage && (
            <Button type="submit" loading={update.isPending}>
              Update retention
            </Button>
          )}
        </CardFooter>
      </form>
    </Card>
  );
}

/** Settings → Retention: how long the workspace keeps its event and delivery history. */
export function RetentionSettings({ canManage }: { canManage: boolean }) {
  const retention = useQuery(retentionQuery());
  return (
    <SettingsSection
      id="retention"
      title="Retention"
      description="How long this workspace keeps job events, webhook deliveries and delivery attempts. The default is 90 days."
    >
      <QueryState
        query={retention}
        errorTitle="Could not load the retention setting"
        placeholder={<SkeletonFormCard />}
      >
        {(data) => <RetentionForm retention={data} canManage={canManage} />}
      </QueryState>
    </SettingsSection>
  );
}
