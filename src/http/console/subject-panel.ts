import type { PanelDeps } from './audit-panel.js';
import { confirmStep } from './confirm-step.js';
import { byId, clear, h, say } from './dom.js';
import { reportSections, type ReportSection } from './report-sections.js';

const REASONS: Record<string, string> = {
  cease_communication: 'the subject asked that communication cease',
  attorney: 'the subject is represented by an attorney',
  dispute: 'the subject disputes the debt or the data',
  deceased: 'the subject is deceased',
};

/**
 * A data subject's report, restriction and erasure. Restriction and erasure change what creditors
 * may do, so each goes through an in-page confirmation; erasure cannot be undone, so the officer
 * types the person id back.
 */
export class SubjectPanel {
  private readonly form = byId('subject-form', HTMLFormElement);
  private readonly personInput = byId('subject-person', HTMLInputElement);
  private readonly reason = byId('restrict-reason', HTMLSelectElement);
  private readonly status = byId('subject-status', HTMLElement);
  private readonly report = byId('subject-report', HTMLElement);

  constructor(private readonly deps: PanelDeps) {
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.load();
    });
    byId('subject-restrict', HTMLButtonElement).addEventListener('click', () => void this.restrict());
    byId('subject-unrestrict', HTMLButtonElement).addEventListener('click', () => void this.unrestrict());
    byId('subject-erase', HTMLButtonElement).addEventListener('click', () => void this.erase());
  }

  reset(): void {
    this.report.replaceChildren();
    clear(this.status);
  }

  private personId(): string | undefined {
    const id = this.personInput.value.trim();
    if (id === '') say(this.status, 'alert', 'Enter a person id first.');
    return id === '' ? undefined : id;
  }

  private path(id: string, action: 'report' | 'restrict' | 'erase'): string {
    return `/v1/subjects/${encodeURIComponent(id)}/${action}`;
  }

  private async load(): Promise<void> {
    const id = this.personId();
    if (id === undefined) return;
    this.report.replaceChildren();
    say(this.status, 'info', 'Loading the report…');
    const answer = await this.deps.api.get<unknown>(this.path(id, 'report'));
    if (!answer.ok) {
      this.deps.onProblem(answer.problem, this.status);
      return;
    }
    clear(this.status);
    this.report.replaceChildren(...reportSections(answer.body).map(renderSection));
  }

  private async restrict(): Promise<void> {
    const id = this.personId();
    if (id === undefined) return;
    const reason = this.reason.value;
    const confirmed = await confirmStep({
      title: 'Restrict processing',
      message: `Restrict person ${id} because ${REASONS[reason] ?? reason}? Creditors will get no relay and no contact for this person until the restriction is lifted.`,
      confirmLabel: 'Restrict',
    });
    if (confirmed) await this.change(this.deps.api.send('POST', this.path(id, 'restrict'), { reason }), 'Restricted.');
  }

  private async unrestrict(): Promise<void> {
    const id = this.personId();
    if (id === undefined) return;
    const confirmed = await confirmStep({
      title: 'Lift restriction',
      message: `Lift the restriction on person ${id}? Creditors may contact this person again through relays.`,
      confirmLabel: 'Lift restriction',
    });
    if (confirmed) await this.change(this.deps.api.send('DELETE', this.path(id, 'restrict')), 'Restriction lifted.');
  }

  private async erase(): Promise<void> {
    const id = this.personId();
    if (id === undefined) return;
    const confirmed = await confirmStep({
      title: 'Erase personal data',
      message: `Erase everything held about person ${id}? This cannot be undone; the audit log keeps only that an erasure happened.`,
      confirmLabel: 'Erase',
      typeToConfirm: id,
    });
    if (!confirmed) return;
    const done = await this.change(this.deps.api.send('POST', this.path(id, 'erase'), { confirm: id }), 'Erased.');
    if (done) this.report.replaceChildren();
  }

  private async change(call: ReturnType<PanelDeps['api']['send']>, success: string): Promise<boolean> {
    const answer = await call;
    if (!answer.ok) {
      this.deps.onProblem(answer.problem, this.status);
      return false;
    }
    say(this.status, 'ok', success);
    return true;
  }
}

function renderSection(section: ReportSection): HTMLElement {
  const body =
    section.groups.length === 0
      ? [h('p', { className: 'empty' }, 'None.')]
      : section.groups.map((group) =>
          h(
            'div',
            { className: 'report-group' },
            group.heading === undefined ? undefined : h('h4', {}, group.heading),
            ...group.items.map((fields) =>
              h('dl', {}, ...fields.flatMap(([label, value]) => [h('dt', {}, label), h('dd', {}, value)])),
            ),
          ),
        );
  return h('section', { className: 'report-section' }, h('h3', {}, section.title), ...body);
}
