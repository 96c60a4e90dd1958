import type { UsageFigure } from '../../../contracts/messaging';

const count = new Intl.NumberFormat();

// Plan limits use -1 for "unlimited" (DOMAIN.md "Plans"); these helpers keep that sentinel out of the screens.

export function isUnlimited(figure: UsageFigure): boolean {
  return figure.limit < 0;
}

/** "12 / 100", or "12 / Unlimited". */
export function usageText(figure: UsageFigure): string {
  return `${count.format(figure.used)} / ${isUnlimited(figure) ? 'Unlimited' : count.format(figure.limit)}`;
}

/** How full the window is, 0–100; null when there is no limit to fill. */
export function usagePercent(figure: UsageFigure): number | null {
  if (isUnlimited(figure)) return null;
  if (figure.limit === 0) return 100;
  return Math.min(100, (figure.used * 100) / figure.limit);
}

export function isLimitReached(figure: UsageFigure): boolean {
  return !isUnlimited(figure) && figure.used >= figure.limit;
}

/** What is left in the window; null when unlimited. */
export function usageLeft(figure: UsageFigure): number | null {
  return isUnlimited(figure) ? null : Math.max(0, figure.limit - figure.used);
}

/** Teal while there is room, orange from 80 %, red once the limit is reached. */
export function usageColor(figure: UsageFigure): string {
  const percent = usagePercent(figure);
  if (percent === null || percent < 80) return 'teal';
  return percent >= 100 ? 'red' : 'orange';
}
