import { describe, expect, it } from "vitest";
import { csvCell, csvRow } from "./to-csv-row";

describe("CSV cells", () => {
  it("quotes what needs quoting and doubles quotes", () => {
    expect(csvRow(["job_1", 12.5, null, "a,b", 'say "hi"', "two\nlines"])).toBe(
      'job_1,12.5,,"a,b","say ""hi""","two\nlines"\r\n',
    );
  });

  it("defuses text a spreadsheet would run as a formula", () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe('"\'=HYPERLINK(""http://evil"")"');
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell(-3)).toBe("-3");
  });
});
