/**
 * Emoji drawn as Slack draws them, from a bundled set (Twemoji's SVGs, served by the sandbox at
 * /sandbox/emoji/<code points>.svg), not from the system's fonts: a stock Linux browser has no
 * emoji font and shows empty boxes, so done and not-done items looked the same.
 */
import { readdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

let dir: string | undefined;
let names: Set<string> | undefined;

/** Where the SVG files are (node_modules/@twemoji/svg). */
export function emojiDir(): string {
  if (!dir) {
    const require = createRequire(import.meta.url);
    dir = path.dirname(require.resolve("@twemoji/svg/package.json"));
  }
  return dir;
}

function available(): Set<string> {
  if (!names) {
    try {
      names = new Set(readdirSync(emojiDir()).filter((f) => f.endsWith(".svg")));
    } catch {
      names = new Set();
    }
  }
  return names;
}

/** The file of an emoji: code points in hex, without FE0F outside ZWJ sequences (Twemoji's names). */
export function emojiFile(emoji: string): string | undefined {
  const points = [...emoji].map((c) => c.codePointAt(0)?.toString(16) ?? "");
  const full = `${points.join("-")}.svg`;
  const bare = `${points.filter((p) => p !== "fe0f").join("-")}.svg`;
  const set = available();
  if (set.has(bare)) return bare;
  if (set.has(full)) return full;
  return undefined;
}

const EMOJI =
  /(?:\p{Extended_Pictographic}|\p{Regional_Indicator})(?:\uFE0F|\p{Emoji_Modifier})?(?:\u200D\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier})?)*/gu;

/**
 * Replaces emoji in the text between tags with images: never inside a tag or an attribute, nor
 * in a textarea or an option (which show text only).
 */
export function emojiImages(htmlText: string): string {
  let textOnly: string | undefined;
  return htmlText
    .split(/(<[^>]*>)/)
    .map((part) => {
      if (part.startsWith("<")) {
        const open = /^<(textarea|option|title)\b/i.exec(part)?.[1]?.toLowerCase();
        if (open) textOnly = open;
        else if (textOnly && part.toLowerCase().startsWith(`</${textOnly}`)) textOnly = undefined;
        return part;
      }
      if (textOnly) return part;
      return part.replace(EMOJI, (emoji) => {
        const file = emojiFile(emoji);
        return file
          ? `<img class="emoji" src="/sandbox/emoji/${file}" alt="${emoji}" draggable="false">`
          : emoji;
      });
    })
    .join("");
}
