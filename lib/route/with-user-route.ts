import { getSignedInUser, type SignedInUser } from "@/lib/auth/signed-in-user";
import { ApiError } from "@/lib/http/api-error";
import { assertDeclaredBodySize, readCappedRequest } from "@/lib/http/read-capped-body";
import { assertWithinLimit } from "@/lib/rate-limit/assert-within-limit";
import { rateLimits } from "@/lib/rate-limit/rate-limits";
import { assertSameOrigin } from "./assert-same-origin";
import { errorResponse } from "./error-response";
import { rememberWritePosition } from "./remember-write-position";
import { maxBodyBytes, noStoreByDefault, type RouteOptions, withPolicy } from "./route-options";

export interface UserRouteContext {
  request: Request;
  user: SignedInUser;
}

type Handler = (context: UserRouteContext) => Promise<Response>;

/**
 * The wrapper for a signed-in user's own routes, which belong to no workspace (their account,
 * creating a workspace, accepting an invite): body cap, origin check, a live session (its version
 * current), the user's budget of changes, error mapping, the read position after a change
 * (remember-write-position.ts), and `Cache-Control: no-store`.
 */
export function withUserRoute(handler: Handler, options: RouteOptions = {}) {
  const route = async (request: Request): Promise<Response> => {
    let response: Response;
    try {
      assertDeclaredBodySize(request, maxBodyBytes(options));
      assertSameOrigin(request);
      const user = await getSignedInUser();
      if (!user) throw new ApiError("UNAUTHORIZED", "Sign in to continue");
      if (request.method !== "GET" && request.method !== "HEAD") {
        await assertWithinLimit(
          rateLimits.mutationsPerUser,
          user.userId,
          (wait) => `Too many changes in a short time. Try again in ${wait}.`,
        );
      }
      response = await handler({ request: await readCappedRequest(request, maxBodyBytes(options)), user });
    } catch (error) {
      response = errorResponse(error);
    }
    if (request.method !== "GET" && request.method !== "HEAD") await rememberWritePosition(response);
    return noStoreByDefault(response);
  };
  return withPolicy(route, { caller: "user" });
}
