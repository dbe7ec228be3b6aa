/**
 * A tiny HTML builder: `html\`<p>${text}</p>\`` escapes every value except nested `Html`, so a
 * renderer cannot forget to escape what Slack or a user wrote.
 */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type HtmlValue = Html | string | number | boolean | null | undefined | readonly HtmlValue[];

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** Trusted markup, inserted as-is. */
export const raw = (markup: string): Html => new Html(markup);

function piece(value: HtmlValue): string {
  if (value instanceof Html) return value.value;
  if (value === null || value === undefined || value === false || value === true) return "";
  if (Array.isArray(value)) return value.map(piece).join("");
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0] ?? "";
  values.forEach((value, i) => {
    out += piece(value) + (strings[i + 1] ?? "");
  });
  return new Html(out);
}

/** Joins rendered pieces. */
export const join = (parts: readonly HtmlValue[]): Html => new Html(parts.map(piece).join(""));

/** An attribute only when the value is defined: ` name="value"`. */
export function attr(name: string, value: string | number | undefined | null): Html {
  return value === undefined || value === null ? raw("") : html` ${raw(name)}="${String(value)}"`;
}
