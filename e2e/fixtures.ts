import { createHash, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { test as base, expect, type Page } from "@playwright/test";
import type { ReceivedMail } from "@/lib/email/local-smtp-server";
import type { ApiProduct } from "@/lib/workflow/workflows";

// Typed fixtures (cal.com style): the stack's coordinates, a page signed in through next-auth's
// own endpoints, and a client of the simulator that creates real jobs upstream.
export interface StackInfo {
  portalUrl: string;
  simulatorUrl: string;
  simulatorApiKey: string;
  portalApiKey: string;
  inboundSecret: string;
  /** The stack's database: its server is where tests that need a database of their own make it. */
  databaseUrl: string;
  email: string;
  password: string;
  /** The stack's local inbox (lib/email/serve-local-inbox.ts): every mail the portal sent. */
  inboxUrl: string;
}

/** The portal under test, as playwright.config.ts sets baseURL; mutating requests send it as Origin. */
export const PORTAL_URL = `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}`;
export const ORIGIN = { origin: PORTAL_URL };

export function readStack(): StackInfo {
  return JSON.parse(readFileSync(path.resolve(".data/e2e-stack.json"), "utf8")) as StackInfo;
}

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  const csrf = await page.request.get("/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await page.request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, json: "true" },
  });
  expect(response.ok(), `sign-in as ${email}`).toBeTruthy();
}

export interface SignUpInput {
  name?: string;
  email: string;
  password?: string;
  workspaceName?: string;
}

/** A mail in the stack's inbox, as lib/email/serve-local-inbox.ts serves it. */
export type InboxMail = ReceivedMail;

export const CONFIRM_SUBJECT = "Confirm your email for Jobs Portal";

/**
 * The `nth` mail (1-based, oldest first) to `to` whose subject matches, from the stack's local SMTP
 * server, waiting for it to arrive.
 */
export async function waitForMail(to: string, subject: string | RegExp, nth = 1): Promise<InboxMail> {
  const { inboxUrl } = readStack();
  const matches = (mail: InboxMail) =>
    typeof subject === "string" ? mail.subject === subject : subject.test(mail.subject);
  let found: InboxMail[] = [];
  await expect
    .poll(
      async () => {
        const response = await fetch(`${inboxUrl}/mails?${new URLSearchParams({ to })}`);
        found = ((await response.json()) as InboxMail[]).filter(matches);
        return found.length;
      },
      { message: `mail ${nth} to ${to} (${subject})`, timeout: 15_000 },
    )
    .toBeGreaterThanOrEqual(nth);
  return found[nth - 1]!;
}

/** The first link of a mail, as a path on the portal under test (the mail carries NEXTAUTH_URL's origin). */
export function mailLink(mail: InboxMail): string {
  const link = new URL(mail.links[0] ?? "");
  return `${link.pathname}${link.search}`;
}

/**
 * Creates an account and workspace through the portal's own sign-up route and signs in. The stack
 * sets EMAIL_SERVER, so that means following the confirmation mail: its token goes to next-auth's
 * confirmation provider from this browser context, which holds the sign-up cookie.
 */
export async function signUp(page: Page, input: SignUpInput): Promise<void> {
  const password = input.password ?? "correct-horse-battery";
  const response = await page.request.post("/api/sign-up", {
    data: {
      name: input.name ?? "Test User",
      email: input.email,
      password,
      workspaceName: input.workspaceName ?? "Test workspace",
    },
    headers: ORIGIN,
  });
  expect(response.status(), await response.text()).toBeLessThan(300);
  if (response.status() !== 202) {
    await signIn(page, input.email, password);
    return;
  }
  const token =
    new URL((await waitForMail(input.email, CONFIRM_SUBJECT)).links[0] ?? "").searchParams.get("token") ?? "";
  const csrf = await page.request.get("/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const confirmed = await page.request.post("/api/auth/callback/email-confirmation", {
    form: { csrfToken, token, json: "true" },
  });
  expect(confirmed.ok(), `confirmation of ${input.email}`).toBeTruthy();
}

export interface SimulatorClient {
  createJob(product: ApiProduct, body: Record<string, unknown>): Promise<{ jobId: string }>;
}

/**
 * A client address of the documentation range (2001:db8::/32) for each test. The e2e stack trusts
 * the test runner as a reverse proxy (TRUSTED_PROXIES=127.0.0.1), so every test is a client of
 * its own to the per-address rate limits, as people on different networks would be.
 */
const RUN_SALT = randomBytes(8).toString("hex"); // a reused stack sees new clients on every run

export function clientAddressFor(title: string): string {
  const hash = createHash("sha256").update(`${RUN_SALT}:${title}`).digest("hex");
  return `2001:db8:${hash.slice(0, 4)}:${hash.slice(4, 8)}::${hash.slice(8, 12)}`;
}

export const test = base.extend<{ stack: StackInfo; signedInPage: Page; simulator: SimulatorClient }>({
  extraHTTPHeaders: async ({ extraHTTPHeaders }, use, testInfo) => {
    await use({
      "x-forwarded-for": clientAddressFor(
        `${testInfo.titlePath.join(" > ")} #${testInfo.repeatEachIndex}.${testInfo.retry}`,
      ),
      ...extraHTTPHeaders,
    });
  },
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this destructuring.
  stack: async ({}, use) => {
    await use(readStack());
  },
  signedInPage: async ({ page, stack }, use) => {
    await signIn(page, stack.email, stack.password);
    await use(page);
  },
  simulator: async ({ stack, request }, use) => {
    await use({
      async createJob(product, body) {
        const response = await request.post(`${stack.simulatorUrl}/v1/${product}`, {
          data: body,
          headers: { authorization: `Bearer ${stack.simulatorApiKey}` },
        });
        expect(response.ok(), await response.text()).toBeTruthy();
        return (await response.json()) as { jobId: string };
      },
    });
  },
});

export { expect };

/** Screenshots go with the test output (git-ignored), so a test run leaves the tree clean. */
export function screenshotPath(name: string): string {
  return path.resolve(".data/test-results/screenshots", `${name}.png`);
}
