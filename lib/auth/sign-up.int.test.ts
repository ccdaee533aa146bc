import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as signUpRoute } from "@/app/api/sign-up/route";
import { prisma } from "@/lib/db/client";
import { type LocalSmtpServer, type ReceivedMail, startLocalSmtpServer } from "@/lib/email/local-smtp-server";
import { createMailer, type Mailer } from "@/lib/email/mailer";
import { applyRuntimeEnv } from "@/lib/env";
import { ApiError } from "@/lib/http/api-error";
import { authenticateWithPassword } from "./authenticate";
import { ConfirmSignUpError, type ConfirmSignUpFailure, confirmSignUp } from "./confirm-sign-up";
import { resendSignUpConfirmation } from "./resend-sign-up-confirmation";
import { signUpSchema } from "./schemas";
import { readSignUpCookie } from "./sign-up-cookie";
import { signUpUser } from "./sign-up-user";

// Sign-up and email confirmation against the real database and a real SMTP server on loopback.
let smtp: LocalSmtpServer;
let mailer: Mailer;
const PORTAL = "http://portal.test:3999";

beforeAll(async () => {
  smtp = await startLocalSmtpServer();
  mailer = createMailer({ server: smtp.url, from: "Jobs Portal <portal@localhost>" });
  // The route reads the mailer from env, as the portal does; links are built from NEXTAUTH_URL.
  applyRuntimeEnv({ EMAIL_SERVER: smtp.url, EMAIL_FROM: "Jobs Portal <portal@localhost>", NEXTAUTH_URL: PORTAL });
});
afterAll(async () => {
  await smtp.close();
});

const newEmail = () => `${randomUUID()}@example.com`;
const input = (email: string, overrides: Record<string, string> = {}) =>
  signUpSchema.parse({ name: "Ada Lovelace", email, password: "analytical-engine", workspaceName: "", ...overrides });
const mailsTo = (email: string) => smtp.mails().filter((mail) => mail.to.includes(email));
const tokenOf = (mail: ReceivedMail) => new URL(mail.links[0] ?? "").searchParams.get("token") ?? "";

async function failureOf(promise: Promise<unknown>): Promise<ConfirmSignUpFailure | "resolved"> {
  return promise.then(
    () => "resolved" as const,
    (error: unknown) => {
      if (error instanceof ConfirmSignUpError) return error.code;
      throw error;
    },
  );
}

/** Signs up with a mailer and returns the confirmation token from the mail and the browser's nonce. */
async function signUpPending(email: string, overrides: Record<string, string> = {}) {
  const outcome = await signUpUser(input(email, overrides), mailer);
  if (outcome.status !== "check_email") throw new Error("expected a confirmation");
  const mails = mailsTo(email);
  return { token: tokenOf(mails[mails.length - 1]!), browserNonce: outcome.browserNonce };
}

function postSignUp(body: unknown): Promise<Response> {
  return signUpRoute(
    new Request(`${PORTAL}/api/sign-up`, {
      method: "POST",
      headers: { origin: PORTAL, "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
  );
}

describe("sign-up without EMAIL_SERVER (no mailer)", () => {
  it("creates user, workspace and owner membership at once, and refuses a taken email with 409", async () => {
    const email = newEmail();
    const outcome = await signUpUser(input(email, { workspaceName: "Engines" }), null);
    if (outcome.status !== "created") throw new Error("expected an account");
    expect(await authenticateWithPassword(email, "analytical-engine")).toMatchObject({ id: outcome.userId });
    expect(
      await prisma.membership.count({
        where: { userId: outcome.userId, workspaceId: outcome.workspaceId, role: "owner" },
      }),
    ).toBe(1);
    // Nothing proved the address.
    expect((await prisma.user.findUniqueOrThrow({ where: { email } })).emailVerified).toBeNull();

    const secondName = `Second ${randomUUID()}`;
    const duplicate = await signUpUser(input(email, { workspaceName: secondName }), null).catch(
      (error: unknown) => error,
    );
    expect(duplicate).toBeInstanceOf(ApiError);
    expect(duplicate).toMatchObject({ status: 409, code: "CONFLICT" });
    expect(await prisma.workspace.count({ where: { name: secondName } })).toBe(0);
  });
});

describe("sign-up with EMAIL_SERVER", () => {
  it("answers a new and a taken email identically, and sends each one mail: a confirmation, or a note to the owner", async () => {
    const owner = newEmail();
    await signUpUser(input(owner), null);
    const stranger = newEmail();
    const body = (email: string) => ({ name: "Eve", email, password: "eves-own-password", workspaceName: "" });

    const taken = await postSignUp(body(owner));
    const fresh = await postSignUp(body(stranger));
    expect(taken.status).toBe(202);
    expect(fresh.status).toBe(taken.status);
    expect(await fresh.json()).toEqual(await taken.json());
    expect([...fresh.headers.keys()].sort()).toEqual([...taken.headers.keys()].sort());
    const cookieShape = (response: Response) => response.headers.get("set-cookie")?.replace(/=[^;]+;/, "=…;");
    expect(cookieShape(fresh)).toBe(cookieShape(taken));
    expect(readSignUpCookie(fresh.headers.get("set-cookie"))).toMatch(/^[A-Za-z0-9_-]{43}$/);

    await smtp.waitForMail((mail) => mail.to.includes(owner) && mail.subject.startsWith("Someone tried"));
    const [ownerMail, ...moreOwnerMail] = mailsTo(owner);
    expect(moreOwnerMail).toEqual([]);
    expect(ownerMail).toMatchObject({
      subject: "Someone tried to sign up for Jobs Portal with your email",
      links: [`${PORTAL}/sign-in`],
    });
    const [strangerMail, ...moreStrangerMail] = mailsTo(stranger);
    expect(moreStrangerMail).toEqual([]);
    expect(strangerMail?.subject).toBe("Confirm your email for Jobs Portal");
    expect(strangerMail?.links[0]).toMatch(new RegExp(`^${PORTAL}/sign-up/confirm\\?token=[A-Za-z0-9_-]{43}$`));

    // The taken email's account is untouched; the new one does not exist until it is confirmed.
    expect(await authenticateWithPassword(owner, "eves-own-password")).toBeNull();
    expect(await prisma.user.count({ where: { email: stranger } })).toBe(0);
    expect(await authenticateWithPassword(stranger, "eves-own-password")).toBeNull();
  });

  it("keeps only hashes: neither the token nor the browser's nonce is in the database", async () => {
    const email = newEmail();
    const { token, browserNonce } = await signUpPending(email);
    const row = await prisma.pendingSignUp.findFirstOrThrow({ where: { email }, omit: { passwordHash: false } });
    expect(JSON.stringify(row)).not.toContain(token);
    expect(JSON.stringify(row)).not.toContain(browserNonce);
    expect(row.passwordHash).toMatch(/^scrypt\$/);
  });

  it("a 503 in the envelope when the mail server does not answer", async () => {
    const closed = await startLocalSmtpServer();
    await closed.close();
    const deadMailer = createMailer({ server: closed.url, from: "portal@localhost" });
    const error = await signUpUser(input(newEmail()), deadMailer).catch((cause: unknown) => cause);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      code: "UPSTREAM_UNAVAILABLE",
      status: 503,
      message: "The email could not be sent. Try again in a moment.",
    });
  });
});

describe("confirmSignUp", () => {
  it("creates the account, verified, with the workspace named after its owner, and works once", async () => {
    const email = newEmail();
    const { token, browserNonce } = await signUpPending(email);
    const confirmed = await confirmSignUp({ token, browserNonce });
    expect(confirmed).toMatchObject({ email, name: "Ada Lovelace" });
    const user = await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true, emailVerified: true } });
    expect(user.id).toBe(confirmed.userId);
    expect(user.emailVerified).toBeInstanceOf(Date);
    const membership = await prisma.membership.findFirstOrThrow({
      where: { userId: user.id },
      select: { role: true, workspace: { select: { id: true, name: true } } },
    });
    expect(membership).toEqual({
      role: "owner",
      workspace: { id: confirmed.workspaceId, name: "Ada Lovelace's workspace" },
    });
    expect(await authenticateWithPassword(email, "analytical-engine")).toMatchObject({ id: user.id });
    expect(await prisma.pendingSignUp.count({ where: { email } })).toBe(0);

    expect(await failureOf(confirmSignUp({ token, browserNonce }))).toBe("ConfirmationInvalid");
    expect(await prisma.user.count({ where: { email } })).toBe(1);
  });

  it("refuses a wrong token and an expired one, and drops the expired sign-up", async () => {
    const email = newEmail();
    const { token, browserNonce } = await signUpPending(email);
    const wrong = `${token.slice(0, -2)}${token.endsWith("AA") ? "BB" : "AA"}`;
    expect(await failureOf(confirmSignUp({ token: wrong, browserNonce }))).toBe("ConfirmationInvalid");

    const later = new Date(Date.now() + 24 * 60 * 60 * 1000 + 1000);
    expect(await failureOf(confirmSignUp({ token, browserNonce }, later))).toBe("ConfirmationInvalid");
    expect(await prisma.pendingSignUp.count({ where: { email } })).toBe(0);
    expect(await prisma.user.count({ where: { email } })).toBe(0);
  });

  it("opened twice at once, creates one account", async () => {
    const email = newEmail();
    const { token, browserNonce } = await signUpPending(email);
    const outcomes = await Promise.all([
      failureOf(confirmSignUp({ token, browserNonce })),
      failureOf(confirmSignUp({ token, browserNonce })),
    ]);
    expect(outcomes.sort()).toEqual(["ConfirmationInvalid", "resolved"]);
    expect(await prisma.user.count({ where: { email } })).toBe(1);
  });

  it("in another browser asks for the sign-up's password, and accepts only that one", async () => {
    const email = newEmail();
    const { token } = await signUpPending(email);
    expect(await failureOf(confirmSignUp({ token }))).toBe("ConfirmationPasswordRequired");
    expect(await failureOf(confirmSignUp({ token, browserNonce: "some-other-browser" }))).toBe(
      "ConfirmationPasswordRequired",
    );
    expect(await failureOf(confirmSignUp({ token, password: "a-guess-at-it" }))).toBe("ConfirmationPasswordWrong");
    expect(await prisma.user.count({ where: { email } })).toBe(0);
    expect(await failureOf(confirmSignUp({ token, password: "analytical-engine" }))).toBe("resolved");
  });

  it("a stranger's sign-up in the owner's name cannot become the owner's account (the mailed link alone is not enough)", async () => {
    const victim = newEmail();
    // The stranger signs up first, with a password of their own; the victim then signs up too.
    const stranger = await signUpPending(victim, { password: "strangers-password" });
    const own = await signUpPending(victim, { password: "victims-password" });
    expect(mailsTo(victim).map((mail) => mail.subject)).toEqual([
      "Confirm your email for Jobs Portal",
      "Confirm your email for Jobs Portal",
    ]);

    // The victim clicks the stranger's mail in their own browser: no password, no account.
    expect(await failureOf(confirmSignUp({ token: stranger.token, browserNonce: own.browserNonce }))).toBe(
      "ConfirmationPasswordRequired",
    );
    expect(await failureOf(confirmSignUp({ token: stranger.token, password: "victims-password" }))).toBe(
      "ConfirmationPasswordWrong",
    );
    // Their own link works; the stranger's sign-up is gone with it.
    await confirmSignUp({ token: own.token, browserNonce: own.browserNonce });
    expect(await failureOf(confirmSignUp({ token: stranger.token, browserNonce: stranger.browserNonce }))).toBe(
      "ConfirmationInvalid",
    );
    expect(await authenticateWithPassword(victim, "strangers-password")).toBeNull();
    expect(await authenticateWithPassword(victim, "victims-password")).not.toBeNull();
  });

  it("when the email got an account meanwhile, says so and creates nothing", async () => {
    const email = newEmail();
    const { token, browserNonce } = await signUpPending(email);
    // E.g. an email-link sign-in, which next-auth's adapter creates verified.
    await prisma.user.create({ data: { email, emailVerified: new Date() }, select: { id: true } });
    const workspacesBefore = await prisma.workspace.count();
    expect(await failureOf(confirmSignUp({ token, browserNonce }))).toBe("ConfirmationAccountExists");
    expect(await prisma.workspace.count()).toBe(workspacesBefore);
    expect(await prisma.pendingSignUp.count({ where: { email } })).toBe(0);
  });
});

describe("resendSignUpConfirmation", () => {
  it("mails a new link for this browser's sign-up, which replaces the old one", async () => {
    const email = newEmail();
    const other = await signUpPending(email, { password: "someone-elses-pass" });
    const mine = await signUpPending(email);
    await resendSignUpConfirmation(email, mine.browserNonce, mailer);
    const mails = mailsTo(email);
    expect(mails).toHaveLength(3);
    const fresh = tokenOf(mails[2]!);
    expect([mine.token, other.token]).not.toContain(fresh);
    expect(await failureOf(confirmSignUp({ token: mine.token, browserNonce: mine.browserNonce }))).toBe(
      "ConfirmationInvalid",
    );
    // The other sign-up's link still stands (until one of them is confirmed).
    expect(await prisma.pendingSignUp.count({ where: { email } })).toBe(2);
    expect(await failureOf(confirmSignUp({ token: fresh, browserNonce: mine.browserNonce }))).toBe("resolved");
    expect(await authenticateWithPassword(email, "analytical-engine")).not.toBeNull();
  });

  it("sends nothing for an address with no waiting sign-up, or without a mailer", async () => {
    const owner = newEmail();
    await signUpUser(input(owner), null);
    const nobody = newEmail();
    await resendSignUpConfirmation(owner, undefined, mailer);
    await resendSignUpConfirmation(nobody, undefined, mailer);
    const waiting = newEmail();
    await signUpPending(waiting);
    await resendSignUpConfirmation(waiting, undefined, null);
    expect([...mailsTo(owner), ...mailsTo(nobody)]).toEqual([]);
    expect(mailsTo(waiting)).toHaveLength(1);
  });
});

describe("the sign-up mail budget of an address", () => {
  it("mails an address at most five times an hour, whoever signs up in its name, and answers the same beyond", async () => {
    const owner = newEmail();
    await signUpUser(input(owner), null);
    const outcomes = [];
    for (let i = 0; i < 7; i++) outcomes.push(await signUpUser(input(owner), mailer));
    expect(outcomes.every((outcome) => outcome.status === "check_email")).toBe(true);
    expect(mailsTo(owner)).toHaveLength(5);

    // A new address too: its sign-ups still wait, unmailed, and a resend stays within the budget.
    const waiting = newEmail();
    for (let i = 0; i < 6; i++) await signUpUser(input(waiting), mailer);
    await resendSignUpConfirmation(waiting, undefined, mailer);
    expect(mailsTo(waiting)).toHaveLength(5);
    expect(await prisma.pendingSignUp.count({ where: { email: waiting } })).toBe(6);
  });
});
