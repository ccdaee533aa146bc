import { checkReadiness } from "@/lib/db/check-readiness";
import { UNAVAILABLE_RETRY_AFTER_SECONDS } from "@/lib/http/api-error";
import { withPublicRoute } from "@/lib/route/with-public-route";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

// GET /api/ready — anyone (load balancers): 200 when the database answers and has every migration of this build, else 503 with Retry-After.
export const GET = withPublicRoute(async () => {
  const readiness = await checkReadiness();
  const headers: Record<string, string> = readiness.ready
    ? {}
    : { "retry-after": String(UNAVAILABLE_RETRY_AFTER_SECONDS) };
  return Response.json(
    { status: readiness.ready ? "ready" : "not_ready", ...readiness },
    { status: readiness.ready ? 200 : 503, headers },
  );
});
