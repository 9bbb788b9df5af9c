/**
 * The `sub` and `role` a JWT claims, for the "signed in as" line only. Nothing is verified here and
 * nothing is decided on it: the API verifies every request, so a forged claim only mislabels the page.
 */
export function tokenClaims(token: string): { subject?: string; role?: string } {
  const payload = token.split('.')[1];
  if (payload === undefined) return {};
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const claims = JSON.parse(json) as Record<string, unknown>;
    return {
      ...(typeof claims.sub === 'string' ? { subject: claims.sub } : {}),
      ...(typeof claims.role === 'string' ? { role: claims.role } : {}),
    };
  } catch {
    return {};
  }
}
