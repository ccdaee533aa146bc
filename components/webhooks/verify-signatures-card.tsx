import { Card, CardBody, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { CodeBlock } from "@/components/ui/code-block";

const SNIPPET = `import { Webhook } from "standardwebhooks";

const webhook = new Webhook(process.env.JOBS_WEBHOOK_SECRET); // "whsec_…"

// Pass the raw body: a re-serialised JSON object no longer matches the signature.
const event = webhook.verify(rawBody, {
  "webhook-id": req.headers["webhook-id"],
  "webhook-timestamp": req.headers["webhook-timestamp"],
  "webhook-signature": req.headers["webhook-signature"],
}); // throws when forged or older than 5 minutes`;

/** How a receiver checks what the portal sends: the facts every integration gets wrong once. */
export function VerifySignaturesCard() {
  return (
    <Card>
      <CardHeader className="py-4">
        <CardTitle>Verifying deliveries</CardTitle>
        <CardDescription>
          Deliveries follow <span className="font-medium text-default">Standard Webhooks</span>: any of its libraries
          verifies them.
        </CardDescription>
      </CardHeader>
      <CardBody className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,18rem)]">
        <CodeBlock className="overflow-x-auto rounded-md border border-subtle bg-muted p-4 font-mono text-code leading-relaxed text-emphasis">
          {SNIPPET}
        </CodeBlock>
        <ul className="space-y-3 text-sm text-subtle">
          <li>
            <span className="font-medium text-emphasis">Answer 2xx quickly.</span> Anything else, or no answer within
            the timeout, is retried with backoff.
          </li>
          <li>
            <span className="font-medium text-emphasis">Dedupe on webhook-id.</span> It stays the same across retries
            and resends.
          </li>
          <li>
            <span className="font-medium text-emphasis">Rotation is seamless.</span> For 24 hours after a rotation each
            delivery carries a signature with the old and the new secret.
          </li>
        </ul>
      </CardBody>
    </Card>
  );
}
