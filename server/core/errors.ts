/** A user's or caller's mistake the platform can explain: becomes application/problem+json. */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly params: Record<string, unknown> = {},
    readonly fieldErrors: FieldError[] = [],
  ) {
    super(code);
  }
}

export interface FieldError {
  field: string;
  code: string;
  params?: Record<string, unknown>;
}

/** A bad row of an import: row number as the person sees it in their file (header = row 1). */
export interface RowError {
  row: number;
  column: string;
  message: string;
}

export const notFound = (what: string, id: string) => new DomainError('notFound', 404, { what, id });
export const forbidden = () => new DomainError('forbidden', 403);
export const invalid = (field: string, code: string, params: Record<string, unknown> = {}) =>
  new DomainError('validation', 422, {}, [{ field, code, params }]);
