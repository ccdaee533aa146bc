import { describe, expect, it } from "vitest";
import type { Role } from "@/lib/auth/roles";
import { signUpSchema } from "@/lib/auth/schemas";
import { signUpUser } from "@/lib/auth/sign-up-user";
import { signUpWithInvite } from "@/lib/auth/sign-up-with-invite";
import { prisma } from "@/lib/db/client";
import { applyRuntimeEnv } from "@/lib/env";
import { ApiError } from "@/lib/http/api-error";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { deleteWorkspace } from "@/lib/workspaces/delete-workspace";
import { uniqueSuffix } from "@/test/fixtures/workspace";
import { acceptInvite } from "./accept-invite";
import { changeMemberRole } from "./change-member-role";
import { findInvite } from "./find-invite";
import { inviteMember } from "./invite-member";
import { leaveWorkspace } from "./leave-workspace";
import { removeMember } from "./remove-member";
import { resendInvite } from "./resend-invite";
import { revokeInvite } from "./revoke-invite";
import { transferOwnership } from "./transfer-ownership";

interface Person {
  userId: string;
  email: string;
}

async function person(tag: string): Promise<Person> {
  const email = `${tag}-${uniqueSuffix()}@example.com`;
  const user = await prisma.user.create({ data: { email, name: tag }, select: { id: true } });
  return { userId: user.id, email };
}

/** A workspace with its owner, and members with the roles given. */
async function team(...roles: Exclude<Role, "owner">[]) {
  const owner = await person("owner");
  const workspace = await createWorkspace(prisma, { name: `Team ${uniqueSuffix()}`, owner });
  const members: Person[] = [];
  for (const role of roles) {
    const member = await person(role);
    await prisma.membership.create({ data: { workspaceId: workspace.id, userId: member.userId, role } });
    members.push(member);
  }
  return { workspaceId: workspace.id, workspaceName: workspace.name, owner, members };
}

const tokenOf = (inviteUrl: string) => new URL(inviteUrl).searchParams.get("token") ?? "";

async function roles(workspaceId: string) {
  const rows = await prisma.membership.findMany({ where: { workspaceId }, select: { userId: true, role: true } });
  return Object.fromEntries(rows.map((row) => [row.userId, row.role]));
}

async function actions(workspaceId: string) {
  const rows = await prisma.auditLogEntry.findMany({
    where: { workspaceId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { action: true, actorEmail: true, targetLabel: true, details: true },
  });
  return rows;
}

async function refusal(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ApiError);
  return { code: (error as ApiError).code, message: (error as ApiError).message };
}

describe("invites", () => {
  it("a single-use link for one address: accepted once, with the invite's role, audited as invite and join", async () => {
    const { workspaceId, owner } = await team();
    const invitee = await person("invitee");
    const stranger = await person("stranger");
    const sent = await inviteMember(workspaceId, { email: invitee.email, role: "developer" }, owner, null);
    expect(sent.mail).toBe("not_configured");
    expect(sent.inviteUrl).toMatch(/\/invite\?token=[A-Za-z0-9_-]{43}$/);
    const token = tokenOf(sent.inviteUrl);
    // Only its hash is stored.
    expect(JSON.stringify(await prisma.invite.findMany({ where: { workspaceId } }))).not.toContain(token);
    expect(await findInvite(token)).toMatchObject({
      status: "valid",
      invite: { email: invitee.email, role: "developer", invitedBy: owner.email },
    });

    expect(await refusal(acceptInvite(token, { ...stranger, name: null }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await acceptInvite(token, { ...invitee, name: null })).toEqual({ workspaceId });
    expect((await roles(workspaceId))[invitee.userId]).toBe("developer");
    expect(await refusal(acceptInvite(token, { ...invitee, name: null }))).toMatchObject({
      code: "RESOURCE_NOT_FOUND",
    });
    expect(await findInvite(token)).toEqual({ status: "invalid" });

    expect((await actions(workspaceId)).map((entry) => [entry.action, entry.actorEmail, entry.targetLabel])).toEqual([
      ["workspace.created", owner.email, null],
      ["member.invited", owner.email, invitee.email],
      ["member.joined", invitee.email, invitee.email],
    ]);
  });

  it("expires after 7 days; a re-send gives a new link and the old one stops working; a revoked one works no more", async () => {
    const { workspaceId, owner } = await team();
    const email = `late-${uniqueSuffix()}@example.com`;
    const eightDaysAgo = new Date(Date.now() - 8 * 24 * 60 * 60 * 1000);
    const sent = await inviteMember(workspaceId, { email, role: "viewer" }, owner, null, eightDaysAgo);
    expect((await findInvite(tokenOf(sent.inviteUrl))).status).toBe("expired");

    const again = await resendInvite(workspaceId, sent.invite.id, owner, null);
    expect((await findInvite(tokenOf(again.inviteUrl))).status).toBe("valid");
    expect((await findInvite(tokenOf(sent.inviteUrl))).status).toBe("invalid");

    await revokeInvite(workspaceId, sent.invite.id, owner);
    expect((await findInvite(tokenOf(again.inviteUrl))).status).toBe("invalid");
    expect((await actions(workspaceId)).map((entry) => entry.action)).toEqual([
      "workspace.created",
      "member.invited",
      "invite.resent",
      "invite.revoked",
    ]);
  });

  it("signing up through an invite makes the account in the invite's workspace, with no workspace of its own", async () => {
    const { workspaceId, owner } = await team();
    const email = `newcomer-${uniqueSuffix()}@example.com`;
    const sent = await inviteMember(workspaceId, { email, role: "viewer" }, owner, null);
    const wrong = await refusal(
      signUpWithInvite({ name: "N", email: `other-${email}`, passwordHash: "x", inviteToken: tokenOf(sent.inviteUrl) }),
    );
    expect(wrong).toMatchObject({ code: "INVALID_REQUEST" });

    const account = await signUpWithInvite({
      name: "Newcomer",
      email,
      passwordHash: "x",
      inviteToken: tokenOf(sent.inviteUrl),
    });
    expect(account.workspaceId).toBe(workspaceId);
    const memberships = await prisma.membership.findMany({
      where: { userId: account.userId },
      select: { workspaceId: true, role: true },
    });
    expect(memberships).toEqual([{ workspaceId, role: "viewer" }]);
    expect(
      await prisma.user.findUniqueOrThrow({ where: { id: account.userId }, select: { emailVerified: true } }),
    ).toEqual({ emailVerified: expect.any(Date) });
  });

  it("with SIGN_UP=invite-only, sign-up is refused without an invite and works through one", async () => {
    const { workspaceId, owner } = await team();
    const email = `invited-${uniqueSuffix()}@example.com`;
    const sent = await inviteMember(workspaceId, { email, role: "developer" }, owner, null);
    applyRuntimeEnv({ SIGN_UP: "invite-only" });
    try {
      const form = { name: "Invited", email, password: "long-enough-password" };
      expect(await refusal(signUpUser(signUpSchema.parse(form), null))).toMatchObject({
        code: "FORBIDDEN",
        message: expect.stringContaining("invite"),
      });
      expect(await prisma.user.count({ where: { email } })).toBe(0);
      const created = await signUpUser(signUpSchema.parse({ ...form, inviteToken: tokenOf(sent.inviteUrl) }), null);
      expect(created).toMatchObject({ status: "created", workspaceId });
    } finally {
      applyRuntimeEnv({ SIGN_UP: "open" });
    }
  });

  it("a member cannot be invited again; a viewer cannot invite", async () => {
    const { workspaceId, owner, members } = await team("viewer");
    const [viewer] = members;
    expect(
      await refusal(inviteMember(workspaceId, { email: viewer!.email, role: "admin" }, owner, null)),
    ).toMatchObject({ code: "CONFLICT" });
    expect(
      await refusal(inviteMember(workspaceId, { email: "x@example.com", role: "viewer" }, viewer!, null)),
    ).toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("members", () => {
  it("an admin re-roles and removes members below the owner, never the owner or themselves", async () => {
    const { workspaceId, owner, members } = await team("admin", "viewer", "developer");
    const [admin, viewer, developer] = members as [Person, Person, Person];
    await changeMemberRole(workspaceId, viewer.userId, "developer", admin);
    expect((await roles(workspaceId))[viewer.userId]).toBe("developer");
    expect(await refusal(changeMemberRole(workspaceId, owner.userId, "viewer", admin))).toMatchObject({
      code: "CONFLICT",
    });
    expect(await refusal(changeMemberRole(workspaceId, admin.userId, "viewer", admin))).toMatchObject({
      code: "CONFLICT",
    });
    expect(await refusal(changeMemberRole(workspaceId, admin.userId, "viewer", developer))).toMatchObject({
      code: "FORBIDDEN",
    });
    await removeMember(workspaceId, developer.userId, admin);
    expect(await refusal(removeMember(workspaceId, owner.userId, admin))).toMatchObject({ code: "CONFLICT" });
    expect(Object.keys(await roles(workspaceId)).sort()).toEqual([owner.userId, admin.userId, viewer.userId].sort());
    const log = await actions(workspaceId);
    expect(log.find((entry) => entry.action === "member.role_changed")?.details).toEqual({
      from: "viewer",
      to: "developer",
    });
    expect(log.find((entry) => entry.action === "member.removed")).toMatchObject({
      actorEmail: admin.email,
      targetLabel: developer.email,
    });
  });

  it("ownership moves only by a transfer, which keeps exactly one owner; the owner cannot leave, others can", async () => {
    const { workspaceId, owner, members } = await team("developer", "viewer");
    const [developer, viewer] = members as [Person, Person];
    expect(await refusal(leaveWorkspace(workspaceId, owner))).toMatchObject({ code: "CONFLICT" });
    expect(await refusal(transferOwnership(workspaceId, viewer.userId, developer))).toMatchObject({
      code: "FORBIDDEN",
    });
    await transferOwnership(workspaceId, developer.userId, owner);
    const after = await roles(workspaceId);
    expect(after).toEqual({ [owner.userId]: "admin", [developer.userId]: "owner", [viewer.userId]: "viewer" });
    await leaveWorkspace(workspaceId, viewer);
    await leaveWorkspace(workspaceId, owner);
    expect(await roles(workspaceId)).toEqual({ [developer.userId]: "owner" });
    expect((await actions(workspaceId)).map((entry) => entry.action).slice(1)).toEqual([
      "ownership.transferred",
      "member.left",
      "member.left",
    ]);
  });

  it("two transfers at once leave one owner", async () => {
    const { workspaceId, owner, members } = await team("admin", "admin");
    const [first, second] = members as [Person, Person];
    await Promise.allSettled([
      transferOwnership(workspaceId, first.userId, owner),
      transferOwnership(workspaceId, second.userId, owner),
    ]);
    const owners = Object.values(await roles(workspaceId)).filter((role) => role === "owner");
    expect(owners).toHaveLength(1);
  });
});

describe("deleteWorkspace", () => {
  it("needs the owner and the typed name; then no one is a member and its keys and invites are gone", async () => {
    const { workspaceId, workspaceName, owner, members } = await team("admin");
    await inviteMember(workspaceId, { email: `pending-${uniqueSuffix()}@example.com`, role: "viewer" }, owner, null);
    expect(await refusal(deleteWorkspace(workspaceId, workspaceName, members[0]!))).toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await refusal(deleteWorkspace(workspaceId, "not the name", owner))).toMatchObject({
      code: "INVALID_REQUEST",
    });
    await deleteWorkspace(workspaceId, workspaceName, owner);
    expect(await prisma.membership.count({ where: { workspaceId } })).toBe(0);
    expect(await prisma.invite.count({ where: { workspaceId } })).toBe(0);
    expect(await prisma.workspace.findUnique({ where: { id: workspaceId }, select: { id: true } })).toBeNull();
  });
});
