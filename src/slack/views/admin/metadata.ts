/**
 * The admin views' private_metadata: which branch a modal edits and where `/pbb admin` was typed.
 * Never a right: every action checks the person's role in the database.
 */
import { z } from "zod";

const schema = z.object({
  editing: z.string().nullable().default(null),
  origin: z.string().nullable().default(null),
  /** The branch modal: how many of the branch's services it shows as rows. */
  servicesShown: z.number().int().min(0).default(0),
});

export type AdminMetadata = z.infer<typeof schema>;

export const adminMetadata = (m: Partial<AdminMetadata>): string =>
  JSON.stringify({
    editing: m.editing ?? null,
    origin: m.origin ?? null,
    ...(m.servicesShown ? { servicesShown: m.servicesShown } : {}),
  });

export function readAdminMetadata(text: string | undefined): AdminMetadata {
  try {
    const parsed = schema.safeParse(JSON.parse(text || "{}"));
    return parsed.success ? parsed.data : { editing: null, origin: null, servicesShown: 0 };
  } catch {
    return { editing: null, origin: null, servicesShown: 0 };
  }
}
