"use client";

import { useMutation } from "@tanstack/react-query";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { CodeBlock } from "@/components/ui/code-block";
import { LiveRegion } from "@/components/ui/live-region";
import { describeWhoMay } from "@/lib/auth/roles";
import type { TestEventResult } from "@/lib/delivery/types";
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
        in <span className="font-medium text-emphasis tabular-nums" data-testid="test-event-latency">{formatLatency(result.latencyMs)}</span>
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

export function TestEventCard({ endpointId, canManage }: { endpointId: string; canManage: boolean }) {
  const test = useMutation(sendTestEventMutation(endpointId));
  return (
    <Card className="flex flex-col">
      <CardHeader className="py-4">
        <CardTitle>Test event</CardTitle>
        <CardDescription>Sends a signed sample event to this URL now and shows how your server answered.</CardDescription>
      </CardHeader>
      <CardBody className="flex flex-1 flex-col gap-3" data-testid={test.data ? "test-event-result" : undefined}>
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
      </CardBody>
      <CardFooter>
        {!canManage && <p className="mr-auto text-ui text-subtle">Only workspace {describeWhoMay("deliveries.write")} can send test events.</p>}
        <Button variant="secondary" size="sm" onClick={() => test.mutate()} loading={test.isPending} disabled={!canManage}>
          Send test event
        </Button>
      </CardFooter>
    </Card>
  );
}
