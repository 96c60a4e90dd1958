/** Billing & Balances keeps the notices page in the URL, so reload and the back button keep the place. */
export interface BalancesSearch {
  page?: number;
}

export function parseBalancesSearch(search: Record<string, unknown>): BalancesSearch {
  const page = Number(search.page);
  return { page: Number.isInteger(page) && page > 1 ? page : undefined };
}
