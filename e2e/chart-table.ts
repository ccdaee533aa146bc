import type { Page } from "@playwright/test";
import { expect } from "./fixtures";

/** The numbers of an overview chart's table view: its rows as arrays of cell texts. */
export async function tableRows(page: Page, chart: string): Promise<string[][]> {
  const card = page.getByRole("region", { name: chart });
  await card.getByRole("button", { name: "table" }).click();
  const table = card.getByRole("table", { name: chart });
  await expect(table).toBeVisible();
  return table
    .locator("tbody tr")
    .evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => cell.textContent?.trim() ?? "")));
}
