// Fills `{name}` placeholders in a message.
export type MessageParams = Record<string, string | number>;

export function interpolate(message: string, params: MessageParams = {}): string {
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
