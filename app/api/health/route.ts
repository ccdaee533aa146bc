import { checkDatabase } from "@/lib/db/health";

export const dynamic = "force-dynamic";

// GET /api/health — anyone: 200 when the database answers, 503 when it does not.
export async function GET() {
  const database = await checkDatabase();
  return Response.json(
    { status: database.ok ? "ok" : "unavailable", database },
    { status: database.ok ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
