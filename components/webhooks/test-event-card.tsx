"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { jobsQuery } from "@/components/jobs/queries";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { CodeBlock } from "@/components/ui/code-block";
import { Label } from "@/components/ui/label";
import { LiveRegion } from "@/components/ui/live-region";
import { Select } from "@/components/ui/select";
import { describeWhoMay } from "@/lib/auth/roles";
import type { TestEventResult } from "@/lib/delivery/types";
import { JOB_EVENTS, type JobEventType } from "@/lib/workflow/workflows";
import { formatLatency } from "./format-delivery";
import { sendTestEventMutation } from "./mutations";
import { StatusCodeBadge } from "./status-code-badge";

/** The answer in one line: code, latency, verdict. It sits in a live region, so it is announced. */
function TestEventSummary({ result }: { result: TestEventResult }) {
  const accepted = result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
      <StatusCodeBadge statusCode={result.statusCode} />
      <span className="text-subtle">
        in{" "}
        <span className="font-medium text-emphasis tabular-nums" data-testid="test-event-latency">
          {formatLatency(result.latencyMs)}
        </span>
      </span>
      <span className={accepted ? "text-success" : "text-danger"}>
        {accepted ? "Your server accepted the event." : "Your server did not accept the event."}
      </span>
    </div>
  );
}

function TestEventDetails({ result }: { result: TestEventResult }) {
  return (
    <>
      {result.error && <Alert tone="danger">{result.error}</Alert>}
      <div>
        <p className="mb-1 text-xs font-medium tracking-wide text-subtle uppercase">Response body</p>
        <CodeBlock
          data-testid="test-event-body"
          className="max-h-48 overflow-auto rounded-md border border-subtle bg-muted p-3 font-mono text-code leading-relaxed whitespace-pre-wrap break-all text-emphasis"
        >
          {result.responseExcerpt || <span className="text-muted">Empty</span>}
        </CodeBlock>
      </div>
    </>
  );
}

function TestEventFields({
  eventType,
  jobId,
  onEventType,
  onJobId,
  disabled,
}: {
  eventType: JobEventType;
  jobId: string;
  onEventType: (value: JobEventType) => void;
  onJobId: (value: string) => void;
  disabled: boolean;
}) {
  const jobs = useQuery({ ...jobsQuery({ sort: "newest" }), enabled: !disabled }); // the Jobs page's first page: the newest 25
  const typeId = useId();
  const jobFieldId = useId();
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <div className="space-y-1.5">
        <Label htmlFor={typeId}>Event type</Label>
        <Select
          id={typeId}
          value={eventType}
          onChange={(event) => onEventType(event.target.value as JobEventType)}
          disabled={disabled}
        >
          {JOB_EVENTS.map((type) => (
            <option key={type} value={type}>
              {type}
            </option>
          ))}
        </Select>
      </div>
      <div className="space-y-1.5">
        <Label htmlFor={jobFieldId}>Based on</Label>
        <Select id={jobFieldId} value={jobId} onChange={(event) => onJobId(event.target.value)} disabled={disabled}>
          <option value="">A sample job</option>
          {jobs.data?.jobs.map((job) => (
            <option key={job.id} value={job.id}>
              {job.id} ({job.apiProduct})
            </option>
          ))}
        </Select>
      </div>
    </div>
  );
}

export function TestEventCard({ endpointId, canManage }: { endpointId: string; canManage: boolean }) {
  const test = useMutation(sendTestEventMutation(endpointId));
  const [eventType, setEventType] = useState<JobEventType>("job.completed");
  const [jobId, setJobId] = useState("");
  return (
    <Card className="flex flex-col">
      <CardHeader className="py-4">
        <CardTitle>Test event</CardTitle>
        <CardDescription>
          Sends a signed event of the type you pick to this URL now, about a sample job or one of yours, and shows how
          your server answered.
        </CardDescription>
      </CardHeader>
      <CardBody className="flex flex-1 flex-col gap-4">
        <TestEventFields
          eventType={eventType}
          jobId={jobId}
          onEventType={setEventType}
          onJobId={setJobId}
          disabled={!canManage}
        />
        <div className="flex flex-col gap-3" data-testid={test.data ? "test-event-result" : undefined}>
          <LiveRegion>{test.data && <TestEventSummary result={test.data} />}</LiveRegion>
          {test.data ? (
            <TestEventDetails result={test.data} />
          ) : test.isError ? (
            <Alert tone="danger">{test.error.message}</Alert>
          ) : (
            <p className="text-sm text-subtle">
              Check the URL and your signature verification before real events arrive.
            </p>
          )}
        </div>
      </CardBody>
      <CardFooter>
        {!canManage && (
          <p className="mr-auto text-ui text-subtle">
            Only workspace {describeWhoMay("deliveries.write")} can send test events.
          </p>
        )}
        <Button
          variant="secondary"
          size="sm"
          onClick={() => test.mutate({ eventType, ...(jobId ? { jobId } : {}) })}
          loading={test.isPending}
          disabled={!canManage}
        >
          Send test event
        </Button>
      </CardFooter>
    </Card>
  );
}
