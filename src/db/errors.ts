/**
 * The database layer owns Prisma's error codes: the rest of the code asks what happened (another
 * request took the key first, the transaction lost a conflict), never which code says so.
 */

function hasCode(error: unknown, code: string): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === code;
}

/** A unique constraint stopped a write another request made first (Prisma's P2002). */
export const isUniqueViolation = (error: unknown): boolean => hasCode(error, "P2002");

/** The transaction lost a write conflict or a deadlock and was rolled back (Prisma's P2034). */
export const isSerializationConflict = (error: unknown): boolean => hasCode(error, "P2034");
