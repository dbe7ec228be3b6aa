/**
 * Fonts for the chart. Branch names are usually Chinese, so a CJK font from the machine is
 * registered (Debian: fonts-noto-cjk); without one the chart falls back to the DejaVu Sans that
 * ships with the app's dependencies, and says so once in the log (Chinese names then show as
 * boxes, figures and Latin text still render).
 */
import { type Dirent, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { GlobalFonts } from "@napi-rs/canvas";
import type { Logger } from "../../observability/logger.ts";

export const CJK_FAMILY = "PbbCJK";
export const LATIN_FAMILY = "PbbLatin";
export const FONT_DIRS = ["/usr/share/fonts", "/usr/local/share/fonts"];

/** File names of CJK fonts, best first (Simplified Chinese sans faces before the rest). */
const CJK_FILES = [
  /^NotoSansCJK-Regular\.ttc$/i,
  /^NotoSansCJKsc-Regular\.otf$/i,
  /^NotoSansSC-Regular\.(otf|ttf)$/i,
  /^SourceHanSans(SC|CN)?-Regular\.(otf|ttc)$/i,
  /^wqy-(microhei|zenhei)\.ttc$/i,
  /^DroidSansFallback(Full)?\.ttf$/i,
  /^NotoSerifCJK-Regular\.ttc$/i,
];

export interface ChartFont {
  family: string;
  cjk: boolean;
  file: string;
}

function fontFiles(dir: string, depth = 0): string[] {
  if (depth > 5) return [];
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? fontFiles(full, depth + 1) : [full];
  });
}

/** The best CJK font file under `dirs`, if any. */
export function findCjkFont(dirs: readonly string[] = FONT_DIRS): string | undefined {
  const files = dirs.flatMap((d) => fontFiles(d));
  for (const pattern of CJK_FILES) {
    const match = files.find((f) => pattern.test(path.basename(f)));
    if (match) return match;
  }
  return undefined;
}

export function bundledLatinFont(): string {
  const pkg = createRequire(import.meta.url).resolve("dejavu-fonts-ttf/package.json");
  return path.join(path.dirname(pkg), "ttf", "DejaVuSans.ttf");
}

const chosen = new Map<string, ChartFont>();

/** Registers the chart's font once per set of directories and returns it. */
export function chartFont(logger: Logger, dirs: readonly string[] = FONT_DIRS): ChartFont {
  const cacheKey = dirs.join("\n");
  const known = chosen.get(cacheKey);
  if (known) return known;
  const cjk = findCjkFont(dirs);
  let font: ChartFont;
  if (cjk && GlobalFonts.registerFromPath(cjk, CJK_FAMILY)) {
    font = { family: CJK_FAMILY, cjk: true, file: cjk };
  } else {
    const latin = bundledLatinFont();
    GlobalFonts.registerFromPath(latin, LATIN_FAMILY);
    font = { family: LATIN_FAMILY, cjk: false, file: latin };
    logger.warn(
      { searched: dirs, fallback: latin },
      "no CJK font found for report charts: using the bundled DejaVu Sans, so Chinese branch names show as boxes (install fonts-noto-cjk)",
    );
  }
  chosen.set(cacheKey, font);
  return font;
}
