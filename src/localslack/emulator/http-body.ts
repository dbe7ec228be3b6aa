import type { IncomingMessage } from "node:http";

export async function readRaw(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Parses a Web API request body: form-urlencoded (objects arrive as JSON strings), JSON, or
 * multipart/form-data (files become Buffers).
 */
export async function parseArgs(
  raw: Buffer,
  contentType: string | undefined,
): Promise<Record<string, unknown>> {
  const type = (contentType ?? "").toLowerCase();
  if (raw.length === 0) return {};
  if (type.startsWith("application/json")) {
    const parsed: unknown = JSON.parse(raw.toString("utf8"));
    return typeof parsed === "object" && parsed !== null ? (parsed as Record<string, unknown>) : {};
  }
  if (type.startsWith("multipart/form-data")) {
    const form = await new Response(new Uint8Array(raw), {
      headers: { "content-type": contentType ?? "" },
    }).formData();
    const out: Record<string, unknown> = {};
    const entries: Array<[string, FormDataEntryValue]> = [];
    form.forEach((v, k) => {
      entries.push([k, v]);
    });
    for (const [k, v] of entries) {
      out[k] = typeof v === "string" ? v : Buffer.from(await v.arrayBuffer());
    }
    return out;
  }
  return Object.fromEntries(new URLSearchParams(raw.toString("utf8")));
}
