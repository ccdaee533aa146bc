import type { FieldErrors } from "@/components/field-errors";
import { CodeField, TextField } from "@/components/ui/field";
import { FieldError } from "@/components/ui/field-error";
import { DESCRIPTION_MAX_LENGTH } from "@/lib/webhook-endpoints/schemas";
import { JOB_EVENTS, type JobEventType } from "@/lib/workflow/workflows";
import { EVENT_DESCRIPTIONS } from "./event-descriptions";

export const ENDPOINT_FIELDS = ["url", "description", "eventTypes"] as const;
export type EndpointField = (typeof ENDPOINT_FIELDS)[number];

export interface EndpointFormFieldsProps {
  defaults?: { url: string; description: string | null; eventTypes: JobEventType[] };
  errors: FieldErrors<EndpointField>;
  disabled?: boolean;
  /** Keeps ids unique when two forms are on one page. */
  idPrefix: string;
}

/** What a form holds, unparsed: the shared zod schema decides what it is worth. */
export function readEndpointForm(form: HTMLFormElement) {
  const data = new FormData(form);
  return { url: data.get("url"), description: data.get("description"), eventTypes: data.getAll("eventTypes") };
}

/** URL, description and events: the fields of both the add dialog and the edit card. */
export function EndpointFormFields({ defaults, errors, disabled, idPrefix }: EndpointFormFieldsProps) {
  const chosen = defaults?.eventTypes ?? JOB_EVENTS;
  const eventsErrorId = `${idPrefix}-events-error`;
  return (
    <>
      <CodeField
        id={`${idPrefix}-url`}
        label="Endpoint URL"
        name="url"
        type="url"
        inputMode="url"
        placeholder="https://api.example.com/webhooks/jobs"
        defaultValue={defaults?.url}
        disabled={disabled}
        error={errors.url}
        hint="HTTPS only. Private and loopback addresses are refused."
      />
      <TextField
        id={`${idPrefix}-description`}
        label="Description"
        labelAside={<span className="text-ui text-muted">Optional</span>}
        name="description"
        autoComplete="off"
        placeholder="e.g. Billing service (production)"
        maxLength={DESCRIPTION_MAX_LENGTH}
        defaultValue={defaults?.description ?? ""}
        disabled={disabled}
        error={errors.description}
      />
      <fieldset
        disabled={disabled}
        aria-describedby={errors.eventTypes ? eventsErrorId : undefined}
        className="space-y-2"
      >
        <legend className="mb-1.5 text-sm font-medium text-emphasis">Events to send</legend>
        <div className="divide-y divide-muted rounded-md border border-subtle">
          {JOB_EVENTS.map((type) => (
            <label key={type} className="flex cursor-pointer items-start gap-3 px-3 py-2.5 hover:bg-subtle/60">
              <input
                type="checkbox"
                name="eventTypes"
                value={type}
                defaultChecked={chosen.includes(type)}
                className="mt-0.5 size-4 shrink-0 rounded border-default accent-brand"
              />
              <span className="min-w-0">
                <span className="block font-mono text-ui font-medium text-emphasis">{type}</span>
                <span className="block text-ui text-subtle">{EVENT_DESCRIPTIONS[type]}</span>
              </span>
            </label>
          ))}
        </div>
        <FieldError id={eventsErrorId} message={errors.eventTypes} className="mt-0" />
      </fieldset>
    </>
  );
}
