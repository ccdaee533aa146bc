import { type Mail, PRODUCT_NAME, renderMail } from "./mail";

export interface InviteMailInput {
  workspaceName: string;
  inviterEmail: string;
  /** "Viewer", "Developer", "Admin". */
  roleLabel: string;
  inviteUrl: string;
  expiresInDays: number;
}

// The workspace name is the one thing a stranger types that reaches the mail: it is escaped in the
// HTML, kept to 100 characters by its schema, and invites are rate-limited per workspace and user.
export function inviteMail({
  workspaceName,
  inviterEmail,
  roleLabel,
  inviteUrl,
  expiresInDays,
}: InviteMailInput): Mail {
  return renderMail({
    subject: `You're invited to ${workspaceName} on ${PRODUCT_NAME}`,
    intro: [
      `${inviterEmail} invited you to join the workspace "${workspaceName}" on ${PRODUCT_NAME} as ${roleLabel.toLowerCase()}.`,
      "Follow the link to create your account, or sign in if you already have one with this address.",
    ],
    action: { label: "Accept the invite", url: inviteUrl },
    outro: [
      `The link works once and expires in ${expiresInDays} days.`,
      "If you did not expect this invite, ignore this email: nothing happens without the link.",
    ],
  });
}
