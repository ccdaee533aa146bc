import { expect, type Locator, type Page } from "@playwright/test";

// Driving the portal with the keyboard alone, and checking that focus shows wherever it goes.

export interface FocusInfo {
  /** The focused element, as a person would point at it: tag, id, name. "body" when nothing is focused. */
  element: string;
  /** How its focus shows (an outline's style, width and colour); null when it does not. */
  indicator: string | null;
  /** The element's place in the document, telling apart elements described alike (a list of checkboxes). */
  position: number;
}

/** Where keyboard focus is, and whether a sighted keyboard user can see it there. */
export async function focusInfo(page: Page): Promise<FocusInfo> {
  return page.evaluate(() => {
    const active = document.activeElement as HTMLElement | null;
    if (!active || active === document.body) return { element: "body", indicator: null, position: -1 };
    const position = [...document.querySelectorAll("*")].indexOf(active);
    const name = (active.getAttribute("aria-label") ?? active.textContent ?? "")
      .replace(/\s+/g, " ")
      .trim()
      .slice(0, 60);
    const value = active instanceof HTMLInputElement && active.value ? ` value="${active.value.slice(0, 30)}"` : "";
    const element = `${active.tagName.toLowerCase()}${active.id ? `#${active.id}` : ""}${value} "${name}"`;
    // A control drawn by its label (the theme's radio buttons) shows its focus on the label.
    const shown = Number(getComputedStyle(active).opacity) === 0 ? active.closest("label") : active;
    if (!shown) return { element, indicator: null, position };
    const style = getComputedStyle(shown);
    const rect = shown.getBoundingClientRect();
    const onScreen =
      rect.width > 0 &&
      rect.height > 0 &&
      rect.bottom > 0 &&
      rect.right > 0 &&
      rect.top < innerHeight &&
      rect.left < innerWidth;
    const transparent = /^(transparent|rgba\(.*,\s*0\))$/.test(style.outlineColor);
    const outlined = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 1 && !transparent;
    return {
      element,
      position,
      indicator: outlined && onScreen ? `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}` : null,
    };
  });
}

/** The focused element shows a focus indicator (an outline of at least 1px, not transparent, on screen). */
export async function expectVisibleFocus(page: Page): Promise<FocusInfo> {
  const info = await focusInfo(page);
  expect(info.indicator, `keyboard focus on ${info.element} does not show`).not.toBeNull();
  return info;
}

/**
 * Presses Tab (or Shift+Tab) until `target` has focus, checking at every stop on the way that the
 * focus shows. Focus on the body means it left the page for the browser's own controls: the next
 * press brings it back.
 */
export async function tabTo(page: Page, target: Locator, { backwards = false, max = 100 } = {}): Promise<void> {
  await expect(target).toBeVisible();
  for (let presses = 0; presses < max; presses += 1) {
    await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
    if ((await focusInfo(page)).element === "body") continue;
    await expectVisibleFocus(page);
    if (await target.evaluate((element) => element === document.activeElement)) return;
  }
  throw new Error(`${target} was not reached in ${max} presses of ${backwards ? "Shift+Tab" : "Tab"}`);
}

/** Focus has moved inside the open modal `dialog`, and shows there. */
export async function expectFocusIn(page: Page, dialog: Locator): Promise<void> {
  await expect(dialog).toBeVisible();
  await expect
    .poll(() =>
      dialog.evaluate((element) => element.contains(document.activeElement) && element !== document.activeElement),
    )
    .toBe(true);
  await expectVisibleFocus(page);
}
