const UNIQUE_VIOLATION = '23505';

interface PgError { code?: string; constraint?: string; detail?: string }
const pgErrorOf = (e: unknown): PgError => (e as { cause?: PgError }).cause ?? (e as PgError);

/**
 * The database's refusal of a second node with the same code: the driver's error, or drizzle's
 * wrapping of it. Two writers creating one code at once both pass their own check for it; the
 * unique index refuses the second, which must then hear a conflict naming `code`, not a 500.
 */
export const isCodeTaken = (e: unknown) => {
  const err = pgErrorOf(e);
  return err.code === UNIQUE_VIOLATION && err.constraint === 'territory_code_unique';
};

/** The code the index refused, from PostgreSQL's "Key (code)=(…) already exists." when it says. */
export const codeTakenIn = (e: unknown): string | null => /\(code\)=\((.*)\)/.exec(pgErrorOf(e).detail ?? '')?.[1] ?? null;
