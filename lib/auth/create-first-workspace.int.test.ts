import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { inviteMember } from "@/lib/members/invite-member";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { uniqueSuffix } from "@/test/fixtures/workspace";
import { createFirstWorkspace } from "./create-first-workspace";

// The workspace a user created by GitHub or an email link gets — unless an invite brought them.
async function newUser(email: string, name: string | null = null) {
  return prisma.user.create({ data: { email, name }, select: { id: true, email: true, name: true } });
}

const workspacesOf = (userId: string) =>
  prisma.membership.findMany({ where: { userId }, select: { role: true, workspace: { select: { name: true } } } });

describe("a user's first workspace", () => {
  it("is their own, named after them, when nothing invited them", async () => {
    const user = await newUser(`Ada-${uniqueSuffix()}@Example.com`, "Ada");
    expect(await createFirstWorkspace(user)).not.toBeNull();
    expect(await workspacesOf(user.id)).toEqual([{ role: "owner", workspace: { name: "Ada's workspace" } }]);
  });

  it("is not made when a pending invite brought them; an expired invite does not count", async () => {
    const ownerEmail = `owner-${uniqueSuffix()}@example.com`;
    const owner = await newUser(ownerEmail);
    const team = await createWorkspace(prisma, { name: "Team", owner: { userId: owner.id, email: ownerEmail } });
    const invited = `invited-${uniqueSuffix()}@example.com`;
    await inviteMember(team.id, { email: invited, role: "developer" }, { userId: owner.id, email: ownerEmail }, null);
    const user = await newUser(invited);
    expect(await createFirstWorkspace(user)).toBeNull();
    expect(await workspacesOf(user.id)).toEqual([]);

    const late = `late-${uniqueSuffix()}@example.com`;
    const longAgo = new Date(Date.now() - 8 * 24 * 60 * 60 * 1000);
    await inviteMember(
      team.id,
      { email: late, role: "viewer" },
      { userId: owner.id, email: ownerEmail },
      null,
      longAgo,
    );
    const lateUser = await newUser(late);
    expect(await createFirstWorkspace(lateUser)).not.toBeNull();
    expect(await workspacesOf(lateUser.id)).toHaveLength(1);
  });
});
