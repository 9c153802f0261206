/** Sortable unique ids (ULID in production). */
export interface Ids {
  next(): string;
}
