import { headers } from "next/headers";
import Link from "next/link";
import { CodeSample } from "@/components/api-docs/code-sample";
import { EndpointReference } from "@/components/api-docs/endpoint-reference";
import { workspaceRoutes } from "@/components/routes";
import { buttonClassName } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requireMembership } from "@/lib/auth/session";
import { getPublicOrigin } from "@/lib/http/get-public-origin";
import {
  curlExample,
  EXAMPLE_JOB_ID,
  javaExample,
  javascriptExample,
  PLACEHOLDER_API_KEY,
  pythonExample,
} from "@/lib/v1-api/code-examples";

export const metadata = { title: "API" };

export default async function ApiDocsPage() {
  const membership = await requireMembership();
  const routes = workspaceRoutes(membership.workspaceId);
  const baseUrl = getPublicOrigin(await headers());
  const example = { baseUrl, apiKey: PLACEHOLDER_API_KEY, jobId: EXAMPLE_JOB_ID };
  return (
    <>
      <PageHeader
        title="API"
        description={
          <>
            Call this portal from your services with a portal API key:{" "}
            <code className="font-mono text-ui">Authorization: Bearer &lt;key&gt;</code>. Replace {PLACEHOLDER_API_KEY}{" "}
            with a key and {EXAMPLE_JOB_ID} with one of your job ids.
          </>
        }
        actions={
          <>
            <a href="/v1/openapi.json" className={buttonClassName("secondary")}>
              OpenAPI document
            </a>
            <Link href={routes.apiKeys} className={buttonClassName("primary")}>
              Manage API keys
            </Link>
          </>
        }
      />
      <div className="space-y-10">
        <section aria-labelledby="download-result" className="space-y-4">
          <div className="space-y-1">
            <h2 id="download-result" className="text-title font-semibold text-emphasis">
              Download a job&apos;s results
            </h2>
            <p className="text-sm text-subtle">
              Base URL <code className="font-mono text-ui text-emphasis">{baseUrl}</code>. The same contract as the Jobs
              API&apos;s download-result, answered for your workspace.
            </p>
          </div>
          <CodeSample title="cURL" code={curlExample(example)} />
          <CodeSample title="Python" code={pythonExample(example)} />
          <CodeSample title="JavaScript" code={javascriptExample(example)} />
          <CodeSample title="Java" code={javaExample(example)} />
        </section>
        <section aria-labelledby="reference" className="space-y-4">
          <h2 id="reference" className="text-title font-semibold text-emphasis">
            Reference
          </h2>
          <EndpointReference />
        </section>
      </div>
    </>
  );
}
