import { expect, test } from "./fixtures";

// Ids from the path are checked before any query, over real HTTP as Next.js decodes them: a NUL
// byte or an overlong id is "not found" in the error envelope (once a 500 from PostgreSQL).
// (A percent-encoding that is not UTF-8, e.g. %ED%A0%80, never reaches the portal's code: Next.js
// itself answers 500 when it cannot decode a dynamic segment — for the server in front of it.)
const MALFORMED = ["%00", "a%00b", "x".repeat(300), "%2e%2e%2f", "%F0%9F%98%80"];

test("malformed ids in paths are 404, on session routes, pages and /v1", async ({
  signedInPage: page,
  stack,
  request,
}) => {
  for (const id of MALFORMED) {
    for (const path of [
      `/api/deliveries/${id}`,
      `/api/jobs/${id}`,
      `/api/jobs/${id}/events`,
      `/api/webhook-endpoints/${id}/deliveries`,
    ]) {
      const response = await page.request.get(path);
      expect(response.status(), path).toBe(404);
      expect(((await response.json()) as { error: { code: string } }).error.code, path).toBe("RESOURCE_NOT_FOUND");
    }
    expect((await page.goto(`/jobs/${id}`))?.status()).toBe(404);
    const v1 = await request.get(`/v1/jobs/${id}`, { headers: { authorization: `Bearer ${stack.portalApiKey}` } });
    expect(v1.status()).toBe(404);
    expect(await v1.json()).toEqual({ error: { code: "RESOURCE_NOT_FOUND", message: "Job not found" } });
  }
});
