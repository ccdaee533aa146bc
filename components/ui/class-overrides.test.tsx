import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Button } from "./button";
import { Card, CardHeader } from "./card";
import { cn } from "./cn";
import { Dialog } from "./dialog";

/** The class list of the first element with `tag` in the markup. */
function classesOf(markup: string, tag: string): string[] {
  const match = new RegExp(`<${tag}\\b[^>]*\\sclass="([^"]*)"`).exec(markup);
  if (!match) throw new Error(`no <${tag}> with a class in ${markup}`);
  return match[1].split(/\s+/);
}

// A caller's class must win over the primitive's default of the same property: without conflict
// resolution both classes reach the DOM and Tailwind's stylesheet order decides, not the caller.
describe("a caller's class overrides the primitive's default", () => {
  it.each(["max-w-lg", "max-w-2xl"])("Dialog className=%s (API-key, endpoint and delivery dialogs)", (width) => {
    const classes = classesOf(
      renderToStaticMarkup(<Dialog open title="Title" onClose={() => {}} className={width} />),
      "dialog",
    );
    expect(classes).toContain(width);
    expect(classes).not.toContain("max-w-md");
  });

  it("CardHeader className=py-4 (the compact card headers)", () => {
    const classes = classesOf(renderToStaticMarkup(<CardHeader className="py-4" />), "div");
    expect(classes).toContain("py-4");
    expect(classes).not.toContain("py-5");
    expect(classes).toContain("px-6");
  });

  it("CardHeader className=flex-row (headers with an action beside the title)", () => {
    const classes = classesOf(
      renderToStaticMarkup(<CardHeader className="flex-row items-center justify-between py-4" />),
      "div",
    );
    expect(classes).toContain("flex-row");
    expect(classes).not.toContain("flex-col");
  });

  it("Card className=px-5 py-4 (the job page's stat tiles)", () => {
    const classes = classesOf(renderToStaticMarkup(<Card className="px-5 py-4" />), "div");
    expect(classes).toEqual(expect.arrayContaining(["px-5", "py-4", "rounded-lg"]));
  });

  it("Button className=size-7 (the table's copy buttons)", () => {
    const classes = classesOf(
      renderToStaticMarkup(<Button size="icon" variant="ghost" className="size-7 text-muted" />),
      "button",
    );
    expect(classes).toContain("size-7");
    expect(classes).not.toContain("size-8");
    expect(classes).toContain("text-muted");
    expect(classes).not.toContain("text-default");
  });
});

describe("cn", () => {
  it("keeps the theme's font sizes apart from colours", () => {
    expect(cn("text-ui text-muted")).toBe("text-ui text-muted");
    expect(cn("text-sm text-subtle", "text-ui")).toBe("text-subtle text-ui");
    expect(cn("text-code", "text-caption")).toBe("text-caption");
  });

  it("takes conditionals, as clsx does", () => {
    expect(cn("px-3", false, null, undefined, { "py-2": true, "py-4": false }, ["rounded"])).toBe("px-3 py-2 rounded");
  });
});
