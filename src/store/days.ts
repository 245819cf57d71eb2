/** Calendar days in the municipalities' time zone: statistics are counted by day there, and shown up to yesterday. */
export const TIME_ZONE = 'Europe/Stockholm';

const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hourCycle: 'h23', hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** The wall-clock parts of an instant in Stockholm. */
function parts(ms: number): { y: number; m: number; d: number; h: number; min: number; s: number } {
  const p = Object.fromEntries(dayFormat.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  return { y: Number(p.year), m: Number(p.month), d: Number(p.day), h: Number(p.hour), min: Number(p.minute), s: Number(p.second) };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DD` of an instant in Stockholm. */
export function stockholmDay(ms: number): string {
  const p = parts(ms);
  return `${p.y}-${pad(p.m)}-${pad(p.d)}`;
}

/** The instant a Stockholm day (`YYYY-MM-DD`) begins. */
export function stockholmMidnight(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const utc = Date.UTC(y, m - 1, d);
  // The zone's offset at that moment: Stockholm's wall clock read as if it were UTC, minus the instant.
  const offset = (at: number) => {
    const p = parts(at);
    return Date.UTC(p.y, p.m - 1, p.d, p.h, p.min, p.s) - (at - (at % 1000));
  };
  return utc - offset(utc - offset(utc));
}

/** The day before a `YYYY-MM-DD` day. */
export function previousDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
}
