/** `pbb jobs run --at`: ISO 8601, read in the org's time zone when it carries no offset. */
import { zonedTime } from "../domain/period.ts";

export class AtOptionError extends Error {
  override name = "AtOptionError";
}

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

export function parseAtOption(text: string, timezone: string): Date {
  const m = ISO.exec(text.trim());
  if (!m) {
    throw new AtOptionError(
      `--at "${text}": expected ISO 8601 like 2026-12-01T09:00 (org time) or 2026-12-01T01:00:00Z`,
    );
  }
  const [, y, mo, d, h = "00", mi = "00", s = "00", frac = "", zone] = m;
  const ms = Number(frac.padEnd(3, "0").slice(0, 3));
  const fields = [Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s)] as const;
  const asUtc = Date.UTC(fields[0], fields[1] - 1, fields[2], fields[3], fields[4], fields[5], ms);
  const check = new Date(asUtc);
  if (
    check.getUTCMonth() !== fields[1] - 1 ||
    check.getUTCDate() !== fields[2] ||
    fields[3] > 23 ||
    fields[4] > 59 ||
    fields[5] > 59
  ) {
    throw new AtOptionError(`--at "${text}": not a valid date and time`);
  }
  if (zone) return new Date(asUtc - offsetMs(zone));
  const local = zonedTime(`${y}-${mo}-${d}`, `${h}:${mi}`, timezone);
  return new Date(local.getTime() + fields[5] * 1000 + ms);
}

function offsetMs(zone: string): number {
  if (zone.toUpperCase() === "Z") return 0;
  const sign = zone.startsWith("-") ? -1 : 1;
  const digits = zone.slice(1).replace(":", "");
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2, 4) || "0");
  return sign * (hours * 60 + minutes) * 60_000;
}
