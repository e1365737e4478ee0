/** One page of a paginated listing. */
export interface Page<T> {
  /** 1-based. */
  number: number;
  /** How many pages the listing has (at least 1). */
  total: number;
  items: T[];
}

/** Splits a listing into pages of `size` (an empty listing is one empty page). */
export function paginate<T>(items: readonly T[], size: number): Page<T>[] {
  if (!Number.isInteger(size) || size < 1) throw new Error(`page size: expected a whole number above 0, found ${size}`);
  const total = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: total }, (_, index) => ({ number: index + 1, total, items: items.slice(index * size, (index + 1) * size) }));
}
