"use client";

import type { ChangeEvent, ReactNode } from "react";
import { CodeField, TextField } from "@/components/ui/field";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { HMAC_PRESETS } from "@/lib/inbound/presets";
import type { HmacProfile } from "@/lib/inbound/schemas";

/** The HMAC profile as the form holds it: every field a string, as typed. */
export interface HmacDraft {
  signatureHeader: string;
  headerFormat: "plain" | "pairs";
  algorithm: "sha256" | "sha512" | "sha1";
  encoding: "hex" | "base64";
  prefix: string;
  signedContent: "body" | "timestamp_body";
  timestampHeader: string;
  toleranceSeconds: string;
  idHeader: string;
  secretEncoding: "text" | "base64";
}

export function toHmacDraft(profile: HmacProfile): HmacDraft {
  return {
    ...profile,
    timestampHeader: profile.timestampHeader ?? "",
    toleranceSeconds: String(profile.toleranceSeconds),
    idHeader: profile.idHeader ?? "",
  };
}

export const DEFAULT_HMAC_DRAFT = toHmacDraft(HMAC_PRESETS[0].profile);

export type HmacField = keyof HmacDraft;

interface SelectFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  disabled?: boolean;
  hint?: ReactNode;
  children: ReactNode;
}

function SelectField({ id, label, value, onChange, disabled, hint, children }: SelectFieldProps) {
  return (
    <div className="space-y-1.5">
      <Label htmlFor={id}>{label}</Label>
      <Select id={id} value={value} onChange={(event) => onChange(event.target.value)} disabled={disabled}>
        {children}
      </Select>
      {hint && <p className="text-ui text-subtle">{hint}</p>}
    </div>
  );
}

export interface HmacFieldsProps {
  draft: HmacDraft;
  onChange: (draft: HmacDraft) => void;
  errors: Partial<Record<HmacField, string>>;
  disabled: boolean;
}

const OPTIONAL = <span className="text-ui text-muted">Optional</span>;

type TextDraftField = "signatureHeader" | "prefix" | "timestampHeader" | "toleranceSeconds";
type ChoiceDraftField = Exclude<HmacField, TextDraftField | "idHeader">;

/** Header, shape, algorithm, encoding and signed content of the vendor's HMAC signature, with presets for the common shapes. */
export function HmacFields({ draft, onChange, errors, disabled }: HmacFieldsProps) {
  const set = <Field extends HmacField>(field: Field, value: HmacDraft[Field]) =>
    onChange({ ...draft, [field]: value });
  const pairs = draft.headerFormat === "pairs";
  const timestamped = pairs || draft.signedContent === "timestamp_body";
  const text = (field: TextDraftField) => ({
    value: draft[field],
    onChange: (event: ChangeEvent<HTMLInputElement>) => set(field, event.target.value),
    error: errors[field],
    disabled,
  });
  const choice = <Field extends ChoiceDraftField>(field: Field) => ({
    value: draft[field],
    onChange: (value: string) => set(field, value as HmacDraft[Field]),
    disabled,
  });
  return (
    <div className="space-y-5">
      <div className="space-y-2">
        <p className="text-sm font-medium text-emphasis">Start from a common shape</p>
        <div className="flex flex-wrap gap-2">
          {HMAC_PRESETS.map((preset) => (
            <button
              key={preset.id}
              type="button"
              disabled={disabled}
              onClick={() =>
                onChange({
                  ...toHmacDraft(preset.profile),
                  idHeader: draft.idHeader,
                  secretEncoding: draft.secretEncoding,
                })
              }
              className="rounded-md border border-subtle bg-default px-3 py-1.5 text-left transition-colors hover:border-brand/50 hover:bg-brand/40 disabled:pointer-events-none disabled:opacity-50"
            >
              <span className="block text-ui font-medium text-emphasis">{preset.label}</span>
              <span className="block font-mono text-caption text-subtle">{preset.example}</span>
            </button>
          ))}
        </div>
      </div>
      <div className="grid gap-x-4 gap-y-5 sm:grid-cols-2">
        <CodeField
          id="hmac-signature-header"
          label="Signature header"
          placeholder="X-Signature"
          {...text("signatureHeader")}
        />
        <SelectField id="hmac-header-format" label="Header holds" {...choice("headerFormat")}>
          <option value="plain">The signature (after an optional prefix)</option>
          <option value="pairs">t=&lt;timestamp&gt;,v1=&lt;signature&gt; (Stripe-like)</option>
        </SelectField>
        <SelectField id="hmac-algorithm" label="Algorithm" {...choice("algorithm")}>
          <option value="sha256">HMAC-SHA256</option>
          <option value="sha512">HMAC-SHA512</option>
          <option value="sha1">HMAC-SHA1</option>
        </SelectField>
        <SelectField id="hmac-encoding" label="Encoding" {...choice("encoding")}>
          <option value="hex">Hex</option>
          <option value="base64">Base64</option>
        </SelectField>
        {!pairs && (
          <>
            <CodeField
              id="hmac-prefix"
              label="Prefix"
              labelAside={OPTIONAL}
              placeholder="sha256="
              {...text("prefix")}
            />
            <SelectField id="hmac-signed-content" label="Signed content" {...choice("signedContent")}>
              <option value="body">The raw body</option>
              <option value="timestamp_body">{"{timestamp}.{body}"}</option>
            </SelectField>
          </>
        )}
        {!pairs && draft.signedContent === "timestamp_body" && (
          <CodeField
            id="hmac-timestamp-header"
            label="Timestamp header"
            placeholder="X-Signature-Timestamp"
            hint="Unix seconds."
            {...text("timestampHeader")}
          />
        )}
        {timestamped && (
          <TextField
            id="hmac-tolerance"
            label="Tolerance (seconds)"
            inputMode="numeric"
            hint="How far the signed timestamp may be from now, either way."
            {...text("toleranceSeconds")}
          />
        )}
      </div>
      <details className="group rounded-md border border-subtle">
        <summary className="cursor-pointer px-3 py-2 text-sm font-medium text-default select-none hover:bg-subtle/60">
          Event id and key
        </summary>
        <div className="grid gap-x-4 gap-y-5 border-t border-subtle px-3 py-4 sm:grid-cols-2">
          <EventIdField
            value={draft.idHeader}
            onChange={(value) => set("idHeader", value)}
            error={errors.idHeader}
            disabled={disabled}
          />
          <SelectField
            id="hmac-secret-encoding"
            label="Key"
            {...choice("secretEncoding")}
            hint="Most vendors use the secret's text as the key. Some show a base64 key (like whsec_…) and sign with its decoded bytes."
          >
            <option value="text">The secret as text</option>
            <option value="base64">The secret, base64-decoded</option>
          </SelectField>
        </div>
      </details>
    </div>
  );
}

/** The optional event id header, with the dedupe rule it replaces spelled out. */
export function EventIdField({
  value,
  onChange,
  error,
  disabled,
}: {
  value: string;
  onChange: (value: string) => void;
  error?: string;
  disabled: boolean;
}) {
  return (
    <CodeField
      id="event-id-header"
      label="Event id header"
      labelAside={OPTIONAL}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      disabled={disabled}
      error={error}
      placeholder="X-Request-Id"
      hint="A header that stays the same when the Jobs API retries. Without one, a retry is recognised by its payload: job id, event, status and the payload's timestamp (never the signing timestamp, which changes with every attempt)."
    />
  );
}
