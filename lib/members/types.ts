// Response types of the members and invites routes, importable by client components (no server code).
import type { Role } from "@/lib/auth/roles";

export interface MemberView {
  userId: string;
  name: string | null;
  email: string;
  role: Role;
  joinedAt: string;
  /** The member's last request in this workspace (to within 5 minutes); null if never since it was tracked. */
  lastActiveAt: string | null;
}

export interface InviteView {
  id: string;
  email: string;
  role: Role;
  invitedBy: string | null;
  createdAt: string;
  /** When the invite was last (re-)sent; its link works for 7 days from then. */
  lastSentAt: string;
  expiresAt: string;
}

/** GET /api/members: everyone in the workspace; pending invites for those who manage members. */
export interface MembersResponse {
  members: MemberView[];
  /** Null when the asker may not see them (members.write). */
  invites: InviteView[] | null;
}

/** POST /api/invites and POST /api/invites/{id}/resend: the link is shown to the inviter to copy, whether or not it was mailed. */
export interface SentInvite {
  invite: InviteView;
  inviteUrl: string;
  /** "sent": mailed; "not_configured": no EMAIL_SERVER; "failed": the mail server refused (the link still works). */
  mail: "sent" | "not_configured" | "failed";
}

/** GET /invite?token=: what the invite page shows about a valid invite. */
export interface InviteDetails {
  workspaceName: string;
  email: string;
  role: Role;
  invitedBy: string | null;
  expiresAt: string;
}

/** POST /api/invites/accept */
export interface AcceptedInvite {
  workspaceId: string;
}
