import { assertMetricsAccess } from "@/lib/metrics/assert-metrics-access";
import { errorResponse } from "./error-response";
import { noStoreByDefault, withPolicy } from "./route-options";

type Handler = (context: { request: Request }) => Promise<Response>;

/**
 * The wrapper for the operator's monitoring routes (GET /api/metrics): `Authorization: Bearer
 * <METRICS_TOKEN>`; with METRICS_TOKEN unset the route does not exist (404), so an unconfigured
 * deployment shows nothing about its queue or traffic (lib/metrics/assert-metrics-access.ts).
 */
export function withOperatorRoute(handler: Handler) {
  const route = async (request: Request): Promise<Response> => {
    let response: Response;
    try {
      assertMetricsAccess(request.headers.get("authorization"));
      response = await handler({ request });
    } catch (error) {
      response = errorResponse(error);
    }
    return noStoreByDefault(response);
  };
  return withPolicy(route, { caller: "operator" });
}
