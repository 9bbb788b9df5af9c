/**
 * What may be logged about a failure from a data store: its kind, never its message, because driver
 * messages can quote the values involved (a constraint error names the phone number it clashed on).
 */
export function safeErrorSummary(error: unknown): { errName: string; errCode?: string } {
  if (!(error instanceof Error)) return { errName: typeof error };
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? { errName: error.name, errCode: code } : { errName: error.name };
}
