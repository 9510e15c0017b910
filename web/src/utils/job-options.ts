// How one option of a job reads on its page.

export function describeOptionValue(value: unknown, words: { yes: string; no: string }): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([key, inner]) => `${key}: ${describeOptionValue(inner, words)}`)
      .join(', ');
  }
  return String(value);
}
