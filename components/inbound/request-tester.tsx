"use client";

import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardFooter } from "@/components/ui/card";
import { Label } from "@/components/ui/label";
import { LiveRegion } from "@/components/ui/live-region";
import { REFUSAL_HINTS, REFUSAL_LABELS } from "@/lib/inbound/describe-profile";
import type { TestRequestResult } from "@/lib/inbound/types";
import { testInboundRequestMutation } from "./mutations";
import { SignatureDiagnosticsView } from "./signature-diagnostics-view";

const TEXTAREA =
  "block w-full rounded-md border border-emphasis bg-default px-3 py-2 font-mono text-code leading-relaxed text-emphasis shadow-xs " +
  "placeholder:text-muted focus:outline-2 focus:-outline-offset-1 focus:outline-focus";

const HEADERS_PLACEHOLDER = `POST /api/webhooks/… HTTP/1.1   (optional; needed for a URL token)
Content-Type: application/json
X-Signature: …`;

/** The verdict in a few lines. It sits in a live region, so it is announced when it appears. */
function TestVerdict({ result }: { result: TestRequestResult }) {
  if (result.accepted) {
    const dedupe = result.dedupe && (
      <li>
        Deduplicated by{" "}
        {result.dedupe.source === "header"
          ? "its event id"
          : "a key derived from the payload (job id, event, status, timestamp)"}
        : <code className="font-mono text-code break-all">{result.dedupe.key}</code>
      </li>
    );
    return (
      <Alert tone="success" title="This request would be accepted" live={false}>
        <ul className="mt-1 list-disc space-y-0.5 pl-4" data-testid="tester-result">
          {result.matchedSecret && <li>Verified with the {result.matchedSecret} secret.</li>}
          {result.event && (
            <li>
              <code className="font-mono text-code">{result.event.event}</code> for{" "}
              <code className="font-mono text-code">{result.event.jobId}</code> (status {result.event.status}).
            </li>
          )}
          {dedupe}
          <li>Nothing was stored: the job does not change.</li>
        </ul>
      </Alert>
    );
  }
  const refusal = result.refusal!;
  return (
    <Alert
      tone="danger"
      title={`This request would be refused: ${REFUSAL_LABELS[refusal.reason]} (HTTP ${refusal.httpStatus})`}
      live={false}
    >
      <p data-testid="tester-result">{refusal.message}</p>
      <p className="mt-1">{REFUSAL_HINTS[refusal.reason]}</p>
    </Alert>
  );
}

/** Why a refused request's signature failed, for reading rather than announcing. */
function RefusalDetails({ result }: { result: TestRequestResult }) {
  return (
    <>
      {result.signatureMatchesIgnoringTime === true && (
        <Alert tone="info" live={false}>
          Apart from the timestamp, the signature matches: a captured request is simply older than the tolerance.
        </Alert>
      )}
      {result.signatureMatchesIgnoringTime === false && (
        <Alert tone="warning" live={false}>
          The signature would not match either, whatever the time.
        </Alert>
      )}
      {result.signature && <SignatureDiagnosticsView signature={result.signature} redacted={false} />}
    </>
  );
}

/** Paste a captured request; it is judged with this workspace's verification, exactly as the webhook route would, and nothing is stored. */
export function RequestTester() {
  const test = useMutation(testInboundRequestMutation());
  const [headers, setHeaders] = useState("");
  const [body, setBody] = useState("");

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    test.mutate({ headers, body });
  }

  return (
    <Card>
      <form onSubmit={handleSubmit} aria-label="Test a request">
        <CardBody className="flex flex-col gap-4">
          <PasteField
            id="tester-headers"
            label="Headers"
            value={headers}
            onChange={setHeaders}
            placeholder={HEADERS_PLACEHOLDER}
          />
          <PasteField
            id="tester-body"
            label="Body"
            value={body}
            onChange={setBody}
            placeholder='{"event": "job.created", "timestamp": "…", "data": {…}}'
            hint="Exactly as sent: a signature covers every byte, spaces and key order included."
          />
          {test.isError && <Alert tone="danger">{test.error.message}</Alert>}
          <LiveRegion>{test.data && <TestVerdict result={test.data} />}</LiveRegion>
          {test.data && !test.data.accepted && <RefusalDetails result={test.data} />}
        </CardBody>
        <CardFooter>
          <p className="mr-auto text-ui text-subtle">Checked with the saved settings and secrets. Nothing is stored.</p>
          <Button type="submit" variant="secondary" loading={test.isPending}>
            Test request
          </Button>
        </CardFooter>
      </form>
    </Card>
  );
}

interface PasteFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder: string;
  hint?: string;
}

/** A labelled box for text pasted as captured, byte for byte (monospace, no spell check). */
function PasteField({ id, label, value, onChange, placeholder, hint }: PasteFieldProps) {
  return (
    <div className="space-y-1.5">
      <Label htmlFor={id}>{label}</Label>
      <textarea
        id={id}
        rows={5}
        spellCheck={false}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        placeholder={placeholder}
        className={TEXTAREA}
      />
      {hint && <p className="text-ui text-subtle">{hint}</p>}
    </div>
  );
}
