import { checkDatabase } from "@/lib/db/check-database";
import { UNAVAILABLE_RETRY_AFTER_SECONDS } from "@/lib/http/api-error";
import { withPublicRoute } from "@/lib/route/with-public-route";

export const dynamic = "force-dynamic";

// GET /api/health — anyone: 200 when the database answers, 503 (with Retry-After) when it does not.
export const GET = withPublicRoute(async () => {
  const database = await checkDatabase();
  const headers: Record<string, string> = database.ok ? {} : { "retry-after": String(UNAVAILABLE_RETRY_AFTER_SECONDS) };
  return Response.json(
    { status: database.ok ? "ok" : "unavailable", database },
    { status: database.ok ? 200 : 503, headers },
  );
});
