/** One message, ready for any transport: a subject, a plain-text body and a simple HTML body. */
export interface Mail {
  subject: string;
  text: string;
  html: string;
}

export interface MailContent {
  subject: string;
  /** Paragraphs before the button. */
  intro: string[];
  /** The one thing to do: a button in HTML, a bare URL on its own line in text. */
  action?: { label: string; url: string };
  /** Smaller print after the button: expiry, "if this wasn't you". */
  outro?: string[];
}

export const PRODUCT_NAME = "Jobs Portal";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

/**
 * Every mail has the same shape, so each message is one small function that fills in its words
 * (confirmation, sign-up attempt, sign-in link; invites and password resets the same way).
 * The HTML is a single table-free column with inline styles — what mail clients render alike —
 * and every interpolated value is escaped.
 */
export function renderMail(content: MailContent): Mail {
  const { subject, intro, action, outro = [] } = content;
  const text = [...intro, ...(action ? [`${action.label}:\n${action.url}`] : []), ...outro, `— ${PRODUCT_NAME}`].join(
    "\n\n",
  );

  const paragraph = (line: string, style: string) => `<p style="${style}">${escapeHtml(line)}</p>`;
  const body = "margin:0 0 16px;font-size:15px;line-height:1.5;color:#18181b";
  const small = "margin:0 0 12px;font-size:13px;line-height:1.5;color:#71717a";
  const button = action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(action.url)}" style="display:inline-block;padding:10px 18px;border-radius:6px;background:#4f46e5;color:#ffffff;font-weight:600;text-decoration:none">${escapeHtml(action.label)}</a></p>` +
      paragraph(`Or paste this link into your browser: ${action.url}`, small)
    : "";
  const html = [
    `<!doctype html><html><body style="margin:0;padding:24px;background:#f4f4f5;font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif">`,
    `<div style="max-width:520px;margin:0 auto;padding:32px;border-radius:12px;background:#ffffff">`,
    `<p style="margin:0 0 24px;font-size:14px;font-weight:600;color:#4f46e5">${PRODUCT_NAME}</p>`,
    ...intro.map((line) => paragraph(line, body)),
    button,
    ...outro.map((line) => paragraph(line, small)),
    `</div></body></html>`,
  ].join("");
  return { subject, text, html };
}
