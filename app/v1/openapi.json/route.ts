import { getPublicOrigin } from "@/lib/http/get-public-origin";
import { answerCorsPreflight, applyPublicCors } from "@/lib/route/cors";
import { withPublicRoute } from "@/lib/route/with-public-route";
import { buildOpenApiDocument } from "@/lib/v1-api/build-openapi-document";

// GET /v1/openapi.json — anyone, from any origin: the OpenAPI 3.1 description of the /v1 API (no secrets in it).
export const GET = withPublicRoute(async ({ request }) => {
  const response = Response.json(buildOpenApiDocument(getPublicOrigin(request.headers)));
  applyPublicCors(response.headers);
  return response;
});

// OPTIONS /v1/openapi.json — any origin: the CORS preflight.
export const OPTIONS = answerCorsPreflight;
