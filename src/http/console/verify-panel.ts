import type { PanelDeps } from './audit-panel.js';
import { describeVerification, type VerificationResult } from './describe-verification.js';
import { byId, clear, say } from './dom.js';

/** The "Verify chain" button: walks the hash chain server-side and reports the first broken position. */
export class VerifyPanel {
  private readonly form = byId('verify-form', HTMLFormElement);
  private readonly result = byId('verify-result', HTMLElement);

  constructor(private readonly deps: PanelDeps) {
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.verify();
    });
  }

  reset(): void {
    clear(this.result);
  }

  private async verify(): Promise<void> {
    const params = new URLSearchParams();
    const data = new FormData(this.form);
    for (const name of ['from', 'to']) {
      const value = data.get(name);
      if (typeof value === 'string' && value.trim() !== '') params.set(name, value.trim());
    }
    say(this.result, 'info', 'Verifying…');
    const query = params.toString();
    const answer = await this.deps.api.get<VerificationResult>(`/v1/audit/verify${query === '' ? '' : `?${query}`}`);
    if (!answer.ok) {
      this.deps.onProblem(answer.problem, this.result);
      return;
    }
    const summary = describeVerification(answer.body);
    say(this.result, summary.intact ? 'ok' : 'alert', summary.headline, summary.detail);
  }
}
