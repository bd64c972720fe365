/** How the library shows dates: short and local, with the full time in a tooltip. */
const dateFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function shortDate(ms: number): string {
  return dateFormat.format(ms);
}

export function fullDate(ms: number): string {
  return timeFormat.format(ms);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}
