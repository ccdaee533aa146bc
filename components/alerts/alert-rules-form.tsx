"use client";

import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { type FieldErrors, serverFieldErrors, toFieldErrors } from "@/components/field-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { alertConfigSchema } from "@/lib/alerts/schemas";
import { ALERT_KINDS, type AlertConfigView, type AlertKind } from "@/lib/alerts/types";
import { ALERT_KIND_LABELS } from "./alert-labels";
import { updateAlertConfigMutation } from "./mutations";

type Field = "kinds" | "emails" | "slackUrl" | "silentHours";

/** Rules are on and nowhere to send them: saved (the history is useful alone), but worth saying how to fix. */
function whyNoOneIsTold(config: AlertConfigView): string | null {
  if (config.kinds.length === 0 || config.slackConfigured) return null;
  if (config.emails.length === 0)
    return "Add an email address or a chat webhook URL. Until then the alerts are only listed in the history below.";
  if (!config.emailAvailable)
    return "This portal cannot send mail (its operator has not set EMAIL_SERVER): add a chat webhook URL, or the alerts are only listed in the history below.";
  return null;
}

/** Which alerts fire and where they go. The chat URL is write-only: blank keeps the saved one. */
export function AlertRulesForm({ config, canManage }: { config: AlertConfigView; canManage: boolean }) {
  const id = useId();
  const [kinds, setKinds] = useState<AlertKind[]>(config.kinds);
  const [emails, setEmails] = useState(config.emails.join(", "));
  const [slackUrl, setSlackUrl] = useState("");
  const [removeSlack, setRemoveSlack] = useState(false);
  const [silentHours, setSilentHours] = useState(String(config.silentHours));
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const save = useMutation(updateAlertConfigMutation());

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = {
      kinds,
      emails: emails.split(/[\s,;]+/).filter(Boolean),
      ...(removeSlack ? { slackUrl: "" } : slackUrl.trim() ? { slackUrl: slackUrl.trim() } : {}),
      silentHours,
    };
    const parsed = alertConfigSchema.safeParse(input);
    if (!parsed.success) return setErrors(toFieldErrors<Field>(parsed.error));
    setErrors({});
    save.mutate(parsed.data, {
      onSuccess: () => {
        setSlackUrl("");
        setRemoveSlack(false);
      },
      onError: (error) => setErrors(serverFieldErrors<Field>(error) ?? {}),
    });
  }

  return (
    <Card>
      <form onSubmit={submit} noValidate>
        <CardHeader>
          <CardTitle>Alert rules</CardTitle>
          <CardDescription>
            Checked every 30 seconds by the delivery workers; each alert is sent once. More than 5 in 10 minutes arrive
            as one digest.
          </CardDescription>
        </CardHeader>
        <CardBody className="space-y-6">
          <fieldset disabled={!canManage} className="space-y-3">
            <legend className="mb-2 text-sm font-medium text-emphasis">Alert when</legend>
            {ALERT_KINDS.map((kind) => (
              <label key={kind} className="flex items-start gap-3">
                <input
                  type="checkbox"
                  checked={kinds.includes(kind)}
                  onChange={(event) =>
                    setKinds(event.target.checked ? [...kinds, kind] : kinds.filter((k) => k !== kind))
                  }
                  className="mt-0.5 size-4 accent-brand"
                />
                <span>
                  <span className="block text-sm text-emphasis">{ALERT_KIND_LABELS[kind].label}</span>
                  <span className="block text-ui text-subtle">{ALERT_KIND_LABELS[kind].hint}</span>
                </span>
              </label>
            ))}
          </fieldset>
          <div className="grid gap-4 md:grid-cols-2">
            <TextField
              label="Email recipients"
              value={emails}
              onChange={(event) => setEmails(event.target.value)}
              placeholder="ops@example.com, oncall@example.com"
              hint={
                config.emailAvailable
                  ? "Comma-separated, at most 10."
                  : "This portal has no mail server (EMAIL_SERVER): use the chat webhook."
              }
              error={errors.emails}
              disabled={!canManage}
            />
            <TextField
              id={`${id}-slack`}
              label="Slack-compatible webhook URL"
              type="url"
              value={slackUrl}
              onChange={(event) => setSlackUrl(event.target.value)}
              placeholder={
                config.slackConfigured ? "Saved — leave blank to keep it" : "https://hooks.slack.com/services/…"
              }
              hint={
                config.slackConfigured
                  ? "A URL is saved (it is never shown again)."
                  : "Slack, Mattermost or Rocket.Chat incoming webhook."
              }
              error={errors.slackUrl}
              disabled={!canManage || removeSlack}
            />
            <TextField
              label="Quiet hours before alerting"
              type="number"
              min={1}
              max={168}
              value={silentHours}
              onChange={(event) => setSilentHours(event.target.value)}
              hint="For “The Jobs API goes quiet”."
              error={errors.silentHours}
              disabled={!canManage}
            />
            {config.slackConfigured && canManage && (
              <label className="flex items-center gap-2 self-center text-sm text-default">
                <input
                  type="checkbox"
                  checked={removeSlack}
                  onChange={(event) => setRemoveSlack(event.target.checked)}
                  className="size-4 accent-brand"
                />
                Remove the saved webhook URL
              </label>
            )}
          </div>
          {save.isError && !serverFieldErrors(save.error) && <Alert tone="danger">{save.error.message}</Alert>}
          {save.isSuccess &&
            (whyNoOneIsTold(save.data) ? (
              <Alert tone="warning" title="Saved, but no one is told yet">
                {whyNoOneIsTold(save.data)}
              </Alert>
            ) : (
              <Alert tone="success">Alert rules saved.</Alert>
            ))}
        </CardBody>
        {canManage && (
          <CardFooter>
            <Button type="submit" loading={save.isPending}>
              Save alert rules
            </Button>
          </CardFooter>
        )}
      </form>
    </Card>
  );
}
