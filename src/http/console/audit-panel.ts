import type { AuditPage } from '../../audit/audit-reader.js';
import { AUDIT_COLUMNS, auditRowCells } from './audit-row.js';
import { auditQueryString, type AuditSearchInput } from './audit-query.js';
import type { ConsoleApi } from './console-api.js';
import { byId, clear, h, say } from './dom.js';
import type { ProblemView } from './problem-message.js';

export interface PanelDeps {
  api: ConsoleApi;
  /** Called with an error answer; returns false when it ended the session (401/403). */
  onProblem: (problem: ProblemView, status: HTMLElement) => boolean;
}

const FILTERS = ['personId', 'caseId', 'actor', 'creditor', 'action', 'outcome', 'from', 'to', 'limit'] as const satisfies readonly (keyof AuditSearchInput)[];

/** Search form, results table and paging by `nextCursor` (older pages hold lower seqs). */
export class AuditPanel {
  private readonly form = byId('audit-form', HTMLFormElement);
  private readonly rows = byId('audit-rows', HTMLTableSectionElement);
  private readonly status = byId('audit-status', HTMLElement);
  private readonly pageLabel = byId('audit-page', HTMLElement);
  private readonly older = byId('audit-older', HTMLButtonElement);
  private readonly newest = byId('audit-newest', HTMLButtonElement);
  /** The filters of the current search, so paging does not pick up half-edited fields. */
  private input: AuditSearchInput | undefined;
  private cursors: (number | undefined)[] = [];
  private nextCursor: number | null = null;

  constructor(private readonly deps: PanelDeps) {
    const head = byId('audit-head', HTMLTableSectionElement);
    head.replaceChildren(h('tr', {}, ...AUDIT_COLUMNS.map((c) => h('th', { attrs: { scope: 'col' } }, c))));
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.search();
    });
    this.older.addEventListener('click', () => {
      if (this.nextCursor !== null) void this.load([...this.cursors, this.nextCursor]);
    });
    this.newest.addEventListener('click', () => void this.load([undefined]));
  }

  /** Runs the form's search from the newest record; resolves false when the answer ended the session (401/403). */
  search(): Promise<boolean> {
    this.input = this.readForm();
    return this.load([undefined]);
  }

  reset(): void {
    this.rows.replaceChildren();
    this.pageLabel.textContent = '';
    this.older.disabled = true;
    this.newest.disabled = true;
    this.cursors = [];
    this.nextCursor = null;
    clear(this.status);
  }

  private async load(cursors: (number | undefined)[]): Promise<boolean> {
    const input = this.input ?? this.readForm();
    const after = cursors[cursors.length - 1];
    say(this.status, 'info', 'Searching…');
    const result = await this.deps.api.get<AuditPage>(`/v1/audit?${auditQueryString(input, after)}`);
    if (!result.ok) {
      this.reset();
      return this.deps.onProblem(result.problem, this.status);
    }
    this.cursors = cursors;
    this.render(result.body);
    return true;
  }

  private render(page: AuditPage): void {
    this.nextCursor = page.nextCursor;
    this.rows.replaceChildren(
      ...page.records.map((record) =>
        h(
          'tr',
          { className: `outcome-${record.outcome}`, attrs: { 'data-seq': String(record.seq) } },
          ...auditRowCells(record).map((text) => h('td', {}, text)),
        ),
      ),
    );
    this.older.disabled = page.nextCursor === null;
    this.newest.disabled = this.cursors.length <= 1;
    this.pageLabel.textContent = `Page ${this.cursors.length}`;
    if (page.records.length === 0) say(this.status, 'info', 'No audit records match these filters.');
    else clear(this.status);
  }

  private readForm(): AuditSearchInput {
    const data = new FormData(this.form);
    const text = (name: string) => {
      const value = data.get(name);
      return typeof value === 'string' ? value : '';
    };
    return Object.fromEntries(FILTERS.map((name) => [name, text(name)])) as Record<(typeof FILTERS)[number], string>;
  }
}
