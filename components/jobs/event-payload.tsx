"use client";

import { useQuery } from "@tanstack/react-query";
import { CodeBlock } from "@/components/ui/code-block";
import { formatBytes } from "@/components/ui/format";
import { jobEventPayloadQuery } from "./queries";

function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/** One stored event's payload, loaded when shown (payloads can be large); cut at the server's limit. */
export function EventPayload({ jobId, eventId }: { jobId: string; eventId: string }) {
  const payload = useQuery(jobEventPayloadQuery(jobId, eventId));
  if (payload.isError)
    return <p className="text-ui text-danger">The payload could not be loaded: {payload.error.message}</p>;
  if (!payload.data) return <p className="text-ui text-subtle">Loading the payload…</p>;
  const { text, truncated, sizeBytes } = payload.data;
  return (
    <>
      {truncated && (
        <p className="text-ui text-default" data-testid="payload-truncated">
          Showing the first {formatBytes(new TextEncoder().encode(text).length)} of {formatBytes(sizeBytes)}.
        </p>
      )}
      <CodeBlock
        data-testid="event-payload"
        className="max-h-80 overflow-auto rounded-md border border-subtle bg-default p-3 font-mono text-code leading-relaxed text-emphasis"
      >
        {truncated ? text : prettyJson(text)}
      </CodeBlock>
    </>
  );
}
