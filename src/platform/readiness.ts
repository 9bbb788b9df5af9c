/** A named dependency check for /readyz: it resolves with optional detail when ok, throws when not. */
export interface ReadinessCheck {
  name: string;
  check(): Promise<Record<string, unknown> | void>;
}

export interface DependencyState {
  status: 'ok' | 'failing';
  latencyMs: number;
  detail?: string;
  [extra: string]: unknown;
}

export interface ReadinessReport {
  status: 'ready' | 'not_ready';
  checks: Record<string, DependencyState>;
}

export async function evaluateReadiness(checks: ReadinessCheck[]): Promise<ReadinessReport> {
  const states = await Promise.all(
    checks.map(async (c): Promise<[string, DependencyState]> => {
      const started = performance.now();
      const latencyMs = () => Math.round(performance.now() - started);
      try {
        const extra = (await c.check()) ?? {};
        return [c.name, { status: 'ok', latencyMs: latencyMs(), ...extra }];
      } catch (error) {
        return [c.name, { status: 'failing', latencyMs: latencyMs(), detail: describeFailure(error) }];
      }
    }),
  );
  return {
    status: states.every(([, s]) => s.status === 'ok') ? 'ready' : 'not_ready',
    checks: Object.fromEntries(states),
  };
}

/** Operators need the kind of failure, not a driver's internals (which may echo addresses or queries). */
function describeFailure(error: unknown): string {
  if (error instanceof Error) {
    if (error.name === 'TimeoutError' || error.name === 'MigrationsPendingError') return error.message;
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' ? `${error.name}: ${code}` : error.name;
  }
  return 'unknown failure';
}
