/** Finding interactive elements in stored blocks, the way a user finds them on screen. */
import type { Json } from "../emulator/types.ts";

export interface FoundElement {
  block: Json;
  blockId: string;
  element: Json;
  actionId: string;
}

export interface ElementQuery {
  /** Visible text: a button's label, or a select's placeholder, or the label of its input block. */
  label?: string;
  actionId?: string;
  blockId?: string;
  /** Element type (button, static_select…). */
  type?: string;
}

function isObj(v: unknown): v is Json {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function textOf(t: unknown): string | undefined {
  return isObj(t) && typeof t.text === "string" ? t.text : undefined;
}

/** All interactive elements of a block list, with their block. */
export function elementsOf(blocks: Json[]): FoundElement[] {
  const out: FoundElement[] = [];
  for (const block of blocks) {
    const els: unknown[] = [];
    if (block.type === "actions" && Array.isArray(block.elements)) els.push(...block.elements);
    if (block.accessory !== undefined) els.push(block.accessory);
    if (block.type === "input" && block.element !== undefined) els.push(block.element);
    for (const el of els) {
      if (!isObj(el) || typeof el.action_id !== "string") continue;
      out.push({
        block,
        blockId: String(block.block_id ?? ""),
        element: el,
        actionId: el.action_id,
      });
    }
  }
  return out;
}

function labelMatches(f: FoundElement, label: string): boolean {
  const want = label.trim();
  const candidates = [textOf(f.element.text), textOf(f.element.placeholder), textOf(f.block.label)];
  return candidates.some((c) => c?.trim() === want);
}

export function findElement(blocks: Json[], q: ElementQuery): FoundElement {
  const hits = elementsOf(blocks).filter(
    (f) =>
      (q.actionId === undefined || f.actionId === q.actionId) &&
      (q.blockId === undefined || f.blockId === q.blockId) &&
      (q.type === undefined || f.element.type === q.type) &&
      (q.label === undefined || labelMatches(f, q.label)),
  );
  const first = hits[0];
  if (!first) {
    const visible = elementsOf(blocks)
      .map(
        (f) =>
          `${String(f.element.type)} "${textOf(f.element.text) ?? textOf(f.block.label) ?? f.actionId}"`,
      )
      .join(", ");
    throw new Error(`no element matching ${JSON.stringify(q)}; visible: ${visible || "none"}`);
  }
  return first;
}

/** Options of a select / checkboxes / radio / overflow, option groups flattened. */
export function optionsOf(el: Json): Json[] {
  const direct = Array.isArray(el.options) ? el.options : [];
  const grouped = Array.isArray(el.option_groups)
    ? el.option_groups.flatMap((g) => (isObj(g) && Array.isArray(g.options) ? g.options : []))
    : [];
  return [...direct, ...grouped].filter(isObj);
}

/** The option whose value, or visible text, is `v`. */
export function findOption(el: Json, v: string): Json {
  const opt = optionsOf(el).find((o) => o.value === v || textOf(o.text) === v);
  if (!opt) throw new Error(`no option "${v}" in ${String(el.action_id)}`);
  return opt;
}
