/**
 * Slack's rule for the inline styles of mrkdwn: `*bold*`, `_italic_` and `~strike~` count only
 * at a half-width boundary. The character outside each marker must be the start or end of the
 * text, whitespace, or ASCII punctuation; the text inside must not start or end with whitespace.
 * Glued to a Chinese character or full-width punctuation (`退回*第一支部*`, `*时间*：`) Slack
 * shows the markers as typed. The local Slack's renderer and the catalog test both use this rule,
 * so a message that real Slack would show with raw asterisks fails here too.
 * https://api.slack.com/reference/surfaces/formatting#basic-formatting
 */

/** What may sit outside a marker: whitespace and ASCII punctuation (a regex class body). */
export const MARKER_EDGE = "\\s!-/:-@\\[-`{-~";

export const STYLE_MARKERS = ["*", "_", "~"] as const;
export type StyleMarker = (typeof STYLE_MARKERS)[number];

/**
 * The spans of one marker Slack renders, as a global regex: group 1 is the edge before (kept),
 * group 2 the styled text. `extraEdge` adds characters a caller uses as stand-ins for tokens.
 */
export function styleSpan(marker: StyleMarker, extraEdge = ""): RegExp {
  const m = marker === "*" ? "\\*" : marker;
  const edge = `${MARKER_EDGE}${extraEdge}`;
  return new RegExp(`(^|[${edge}])${m}(?=\\S)([^${m}\\n]*?\\S)${m}(?=$|[${edge}])`, "gmu");
}

/** Apply one style everywhere Slack would, including spans that touch each other. */
export function applyStyle(
  text: string,
  marker: StyleMarker,
  wrap: (inner: string) => string,
  extraEdge = "",
): string {
  const re = styleSpan(marker, extraEdge);
  let out = text;
  for (let prev = ""; prev !== out; ) {
    prev = out;
    out = out.replace(re, (_m, before: string, inner: string) => `${before}${wrap(inner)}`);
  }
  return out;
}

const ALNUM = /[A-Za-z0-9]/;

/**
 * The markers in a mrkdwn text that Slack would show raw where the author meant formatting:
 * what is left after code spans, `<…>` tokens and every rendered span are taken out, except a
 * marker inside a word (`SLACK_BOT_TOKEN`) or standing alone between spaces.
 */
export function unrenderedMarkers(text: string): string[] {
  let rest = text
    .replace(/```[\s\S]*?```/g, " ")
    .replace(/`[^`\n]*`/g, " ")
    .replace(/<[^<>\n]+>/g, "@x");
  for (const marker of STYLE_MARKERS) rest = applyStyle(rest, marker, (inner) => inner);
  const found: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const c = rest[i] ?? "";
    if (!(STYLE_MARKERS as readonly string[]).includes(c)) continue;
    const before = rest[i - 1] ?? " ";
    const after = rest[i + 1] ?? " ";
    if (ALNUM.test(before) && ALNUM.test(after)) continue;
    if (/\s/.test(before) && /\s/.test(after)) continue;
    found.push(rest.slice(Math.max(0, i - 6), i + 7));
  }
  return found;
}
