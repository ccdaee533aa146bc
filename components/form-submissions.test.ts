import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { createApiKeySchema } from "@/lib/api-keys/schemas";
import { signUpSchema } from "@/lib/auth/schemas";
import { createEndpointSchema, updateEndpointSchema } from "@/lib/webhook-endpoints/schemas";
import { JOB_EVENTS } from "@/lib/workflow/workflows";
import { connectionInputSchemaFor } from "@/lib/workspaces/schemas";

// Each form parses what the browser holds with the shared schema and sends the result as JSON; the
// route parses that again with its own schema. What the first parse makes of an empty optional
// field (null, undefined, a trimmed string) must be something the second accepts — an empty
// description once came back as "expected string, received null". One case per form, with every
// optional field left empty and every default taken, as most people submit it.
function submit<Client extends z.ZodType, Server extends z.ZodType>(
  client: Client,
  server: Server,
  formValues: unknown,
) {
  const parsed = client.safeParse(formValues);
  expect(parsed.error?.issues ?? []).toEqual([]);
  const sent: unknown = JSON.parse(JSON.stringify(parsed.data));
  const received = server.safeParse(sent);
  expect(received.error?.issues ?? [], `the route refused ${JSON.stringify(sent)}`).toEqual([]);
  return { sent, received: received.data as z.output<Server> };
}

describe("what each form sends, its route accepts", () => {
  it("add endpoint: description empty, every event (the default) checked", () => {
    const { received } = submit(createEndpointSchema, createEndpointSchema, {
      url: "https://hooks.example.com/jobs",
      description: "",
      eventTypes: [...JOB_EVENTS],
    });
    expect(received).toEqual({
      url: "https://hooks.example.com/jobs",
      description: null,
      eventTypes: [...JOB_EVENTS],
      enabled: true,
    });
  });

  it("edit endpoint: description cleared, or kept", () => {
    const cleared = submit(createEndpointSchema.omit({ enabled: true }), updateEndpointSchema, {
      url: "https://hooks.example.com/jobs",
      description: "  ",
      eventTypes: ["job.completed"],
    });
    expect(cleared.received.description).toBeNull(); // null removes it; undefined would leave it as it was
    const kept = submit(createEndpointSchema.omit({ enabled: true }), updateEndpointSchema, {
      url: "https://hooks.example.com/jobs",
      description: "Billing",
      eventTypes: ["job.completed"],
    });
    expect(kept.received.description).toBe("Billing");
  });

  it("connection: API key left empty keeps the stored one", () => {
    const connectionInputSchema = connectionInputSchemaFor(["https://api.example.com"]);
    const { sent, received } = submit(connectionInputSchema, connectionInputSchema, {
      baseUrl: "https://api.example.com/",
      apiKey: "",
    });
    expect(sent).toEqual({ baseUrl: "https://api.example.com" });
    expect(received.apiKey).toBeUndefined();
  });

  it("create API key: the name is the only field", () => {
    expect(submit(createApiKeySchema, createApiKeySchema, { name: "  Render worker  " }).received).toEqual({
      name: "Render worker",
    });
  });

  it("sign-up: every field as typed", () => {
    const { received } = submit(signUpSchema, signUpSchema, {
      name: "Ada",
      email: "Ada@Example.com",
      password: "correct-horse-battery",
      workspaceName: " Lab ",
    });
    expect(received).toEqual({
      name: "Ada",
      email: "ada@example.com",
      password: "correct-horse-battery",
      workspaceName: "Lab",
    });
  });
});
