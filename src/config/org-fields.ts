import { z } from "zod";
import { WEEKDAYS as SUNDAY_FIRST, type Weekday } from "../domain/lecture-time.ts";
import { closest } from "./suggest.ts";

/** Field schemas of the org file, each with a message that says what was expected and got. */

const [sunday, ...mondayToSaturday] = SUNDAY_FIRST;
/** The weekdays as the org file's messages and the admin's choices list them: Monday first. */
export const WEEKDAYS = [...mondayToSaturday, sunday] as const;
export type { Weekday };

/** The most of a file's text one message quotes (issue 26: `org apply /etc/passwd` printed it). */
export const EXCERPT_CHARS = 60;

/**
 * Text from a file as a message quotes it: in JSON quotes, cut after EXCERPT_CHARS characters
 * as written (escapes count), with the full length after a cut. A message never carries more
 * of a file than that, whatever file it was pointed at.
 */
export function excerpt(text: string, max = EXCERPT_CHARS): string {
  let quoted = "";
  let taken = 0;
  for (const ch of text) {
    const escaped = JSON.stringify(ch).slice(1, -1);
    if (quoted.length + escaped.length > max) break;
    quoted += escaped;
    taken += ch.length;
  }
  return taken === text.length ? `"${quoted}"` : `"${quoted}…" (${text.length} characters)`;
}

/** How a value reads in a message. */
export function show(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "an empty value";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "string") return excerpt(value);
  const text = String(value);
  return text.length > EXCERPT_CHARS ? excerpt(text) : text;
}

type Hint = (input: unknown) => string | undefined;

/** An error function: "expected <what>, got <value> (<hint>)", or "missing (expected <what>)". */
export function expected(what: string, hint?: Hint) {
  return (iss: { input?: unknown }): string => {
    if (iss.input === undefined) return `missing (expected ${what})`;
    const extra = hint?.(iss.input);
    return `expected ${what}, got ${show(iss.input)}${extra ? ` (${extra})` : ""}`;
  };
}

const guess = (candidates: readonly string[]): Hint => {
  return (input) => {
    const match = typeof input === "string" ? closest(input, candidates) : undefined;
    return match === undefined ? undefined : `did you mean "${match}"?`;
  };
};

function text(what: string, test: (s: string) => boolean, hint?: Hint) {
  const error = expected(what, hint);
  return z.string({ error }).refine(test, { error });
}

export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: expected(`one of ${values.join(", ")}`, guess(values)) });
}

export const nonEmptyText = (what: string) => text(what, (s) => s.trim().length > 0);

export function wholeNumber(min: number, max: number, what: string) {
  const error = expected(what);
  return z.number({ error }).int({ error }).min(min, { error }).max(max, { error });
}

export const flag = z.boolean({ error: expected("true or false") });

const USER_ID = /^[UW][A-Z0-9]{2,}$/;
const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;
export const userRef = text(
  "a user id (U…) or an e-mail address",
  (s) => USER_ID.test(s) || EMAIL.test(s),
  (input) => {
    if (typeof input !== "string") return undefined;
    const mention = /^<@([UW][A-Z0-9]+)(\|[^>]*)?>$/.exec(input);
    if (mention) return `write the id alone: ${mention[1]}`;
    if (USER_ID.test(input.toUpperCase())) return `ids are upper case: ${input.toUpperCase()}`;
    if (input.startsWith("@")) return "display names are not unique: use the id or e-mail";
    return undefined;
  },
);

const CHANNEL_ID = /^[CG][A-Z0-9]{2,}$/;
const CHANNEL_NAME = /^#[\p{Ll}\p{Lo}\p{N}_-]{1,80}$/u;
export const channelRef = text(
  "a channel id (C…) or #name",
  (s) => CHANNEL_ID.test(s) || CHANNEL_NAME.test(s),
  (input) => {
    if (input === null) return 'a #name must be quoted, "#name", or YAML reads it as a comment';
    if (typeof input !== "string") return undefined;
    if (CHANNEL_NAME.test(`#${input}`)) return `did you mean "#${input}"?`;
    if (CHANNEL_NAME.test(input.toLowerCase())) return "channel names are lower case";
    if (CHANNEL_ID.test(input.toUpperCase())) return `ids are upper case: ${input.toUpperCase()}`;
    return undefined;
  },
);

export const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;
export const timeOfDay = text(
  'a time "HH:MM" from 00:00 to 23:59',
  (s) => TIME_OF_DAY.test(s),
  (input) => {
    const short = typeof input === "string" ? /^(\d):([0-5]\d)$/.exec(input) : null;
    return short ? `did you mean "0${short[1]}:${short[2]}"?` : undefined;
  },
);

export const dayOfMonth = wholeNumber(1, 28, "a day of the month from 1 to 28");

export const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
export const localDate = text('a date "YYYY-MM-DD"', (s) => {
  if (!LOCAL_DATE.test(s)) return false;
  const date = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(s);
});

let zones: string[] | undefined;
const knownZones = () => {
  zones ??= Intl.supportedValuesOf("timeZone");
  return zones;
};

export function isTimeZone(zone: string): boolean {
  try {
    const resolved = new Intl.DateTimeFormat("en-US", { timeZone: zone }).resolvedOptions()
      .timeZone;
    // Intl ignores case; the rest of the bot compares zone names, so the spelling must be exact.
    return resolved === zone || resolved.toLowerCase() !== zone.toLowerCase();
  } catch {
    return false;
  }
}

/** Names people write for a zone that IANA spells differently. */
const ZONE_NAMES: Record<string, string> = {
  beijing: "Asia/Shanghai",
  "asia/beijing": "Asia/Shanghai",
  china: "Asia/Shanghai",
  cst: "Asia/Shanghai",
  "utc+8": "Asia/Shanghai",
  "gmt+8": "Asia/Shanghai",
  "utc+08:00": "Asia/Shanghai",
  "+08:00": "Asia/Shanghai",
};

export const timeZone = text("an IANA time zone such as Asia/Shanghai", isTimeZone, (input) => {
  if (typeof input !== "string") return undefined;
  const known = ZONE_NAMES[input.toLowerCase()];
  if (known !== undefined) return `did you mean "${known}"?`;
  const match = knownZones().find((z) => z.toLowerCase() === input.toLowerCase());
  const near = match ?? closest(input, knownZones());
  return near === undefined ? undefined : `did you mean "${near}"?`;
});

export const slug = text(
  "a key of lower-case letters, digits, - and _ (such as resettlement)",
  (s) => /^[a-z0-9][a-z0-9_-]{0,63}$/.test(s),
);

/** A list whose entries must be distinct: a repeat is reported on the repeat itself. */
export function distinctList<T extends z.ZodType<string>>(item: T, what: string, min = 0) {
  const error = expected(what);
  return z
    .array(item, { error })
    .min(min, { error: () => `must not be empty: expected ${what}` })
    .superRefine((list, ctx) => {
      list.forEach((entry, index) => {
        const first = list.indexOf(entry);
        if (first !== index) {
          ctx.addIssue({
            code: "custom",
            path: [index],
            input: entry,
            message: `${show(entry)} is listed twice (also at [${first}])`,
          });
        }
      });
    });
}

export const userList = (min = 0) =>
  distinctList(
    userRef,
    min === 1
      ? "a list of at least one user id (U…) or e-mail address"
      : "a list of user ids (U…) or e-mail addresses",
    min,
  );
