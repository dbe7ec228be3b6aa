import { describe, expect, it } from "vitest";
import {
  EVIDENCE_MAX_BYTES,
  type EvidenceFile,
  evidenceFilesProblem,
} from "../../src/domain/evidence-files.ts";
import { serviceReportProblems } from "../../src/domain/service-list.ts";

const file = (name: string, size = 2048): EvidenceFile => ({
  id: `F${name}`,
  name,
  size,
  permalink: null,
});

describe("evidence files", () => {
  it("photos, PDFs and Office documents up to 10 MB are taken, whatever the extension's case", () => {
    expect(
      evidenceFilesProblem([
        file("roof.JPG"),
        file("scan.pdf"),
        file("list.xlsx", EVIDENCE_MAX_BYTES),
      ]),
    ).toBeNull();
  });

  it("a file over 10 MB or empty is too large; another type is refused; too many at once", () => {
    expect(evidenceFilesProblem([file("roof.jpg", EVIDENCE_MAX_BYTES + 1)])).toBe("file-too-large");
    expect(evidenceFilesProblem([file("roof.jpg", 0)])).toBe("file-too-large");
    expect(evidenceFilesProblem([file("setup.exe")])).toBe("file-type");
    expect(evidenceFilesProblem([file("README")])).toBe("file-type");
    expect(evidenceFilesProblem([file("a.jpg"), file("b.jpg")], 1)).toBe("too-many-files");
    expect(evidenceFilesProblem(["a", "b", "c", "d"].map((n) => file(`${n}.png`)))).toBe(
      "too-many-files",
    );
  });

  it("a service report's file is checked with its other fields, on its own field", () => {
    const problems = serviceReportProblems(
      {
        date: "2026-11-08",
        community: "Elm Court",
        category: "other",
        hours: "2",
        what: "help",
        files: [file("clip.mov")],
      },
      { today: "2026-11-10", communities: ["Elm Court"], hoursThatDay: 0 },
    );
    expect(problems).toEqual([{ field: "file", error: "file-type" }]);
  });
});
