import { describe, expect, it } from "vitest";
import { confirmEmailMail } from "./confirm-email-mail";
import { extractLinks } from "./extract-links";
import { renderMail } from "./mail";
import { signInLinkMail } from "./sign-in-link-mail";
import { signUpAttemptMail } from "./sign-up-attempt-mail";

const CONFIRM_URL = "https://portal.example/sign-up/confirm?token=tok_123";

describe("renderMail", () => {
  it("puts the action in the text as a bare link and in the HTML as an escaped button", () => {
    const mail = renderMail({
      subject: "S",
      intro: ["Hello <b>&"],
      action: { label: "Go", url: "https://x.example/?a=1&b=2" },
      outro: ["Small"],
    });
    expect(mail.text).toBe("Hello <b>&\n\nGo:\nhttps://x.example/?a=1&b=2\n\nSmall\n\n— Jobs Portal");
    expect(mail.html).toContain("Hello &lt;b&gt;&amp;");
    expect(mail.html).toContain('href="https://x.example/?a=1&amp;b=2"');
    expect(mail.html).not.toContain("<b>");
  });
});

describe("the account mails", () => {
  it("confirmation: one link, its lifetime, and what to do if it was not you", () => {
    const mail = confirmEmailMail({ confirmUrl: CONFIRM_URL, expiresInHours: 24 });
    expect(mail.subject).toBe("Confirm your email for Jobs Portal");
    expect(extractLinks(mail.text)).toEqual([CONFIRM_URL]);
    expect(mail.text).toContain("expires in 24 hours");
    expect(mail.text).toContain("If you did not sign up, ignore this email");
    expect(mail.html).toContain(`href="${CONFIRM_URL}"`);
  });

  it("sign-up attempt on an existing account: points to sign-in and carries no token", () => {
    const mail = signUpAttemptMail({ signInUrl: "https://portal.example/sign-in" });
    expect(mail.subject).toBe("Someone tried to sign up for Jobs Portal with your email");
    expect(extractLinks(mail.text)).toEqual(["https://portal.example/sign-in"]);
    expect(mail.text).toContain("You already have an account, so no new one was created");
    expect(mail.text).not.toMatch(/token/i);
  });

  it("sign-in link: the link and its lifetime", () => {
    const url = "https://portal.example/api/auth/callback/email?token=t&email=a%40b.c";
    const mail = signInLinkMail({ url, expiresInHours: 24 });
    expect(mail.subject).toBe("Sign in to Jobs Portal");
    expect(extractLinks(mail.text)).toEqual([url]);
    expect(mail.html).toContain("token=t&amp;email=a%40b.c");
  });
});
