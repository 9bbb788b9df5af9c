import { byId, h, nodes } from './dom.js';

export interface ConfirmRequest {
  title: string;
  message: string;
  confirmLabel: string;
  /** When set, the confirm button stays disabled until exactly this text is typed. */
  typeToConfirm?: string;
}

/**
 * An in-page confirmation (a modal <dialog>), not window.confirm: it can demand typed input, it
 * shows what exactly will happen, and a stray Enter in another field cannot answer it.
 */
export function confirmStep(request: ConfirmRequest): Promise<boolean> {
  const dialog = byId('confirm-dialog', HTMLDialogElement);
  const confirm = h('button', { className: 'danger', attrs: { type: 'button', id: 'confirm-accept' } }, request.confirmLabel);
  const cancel = h('button', { attrs: { type: 'button', id: 'confirm-cancel' } }, 'Cancel');
  const typed = request.typeToConfirm;
  const input =
    typed === undefined
      ? undefined
      : h('input', { attrs: { id: 'confirm-input', type: 'text', autocomplete: 'off', spellcheck: 'false' } });
  dialog.replaceChildren(
    ...nodes(
      h('h3', {}, request.title),
      h('p', {}, request.message),
      typed === undefined ? undefined : h('label', { attrs: { for: 'confirm-input' } }, 'Type ', h('code', {}, typed), ' to confirm'),
      input,
      h('div', { className: 'actions' }, cancel, confirm),
    ),
  );
  if (input !== undefined) {
    confirm.disabled = true;
    input.addEventListener('input', () => {
      confirm.disabled = input.value !== typed;
    });
  }
  return new Promise((resolve) => {
    const finish = (answer: boolean) => {
      dialog.close();
      resolve(answer);
    };
    confirm.addEventListener('click', () => finish(true), { once: true });
    cancel.addEventListener('click', () => finish(false), { once: true });
    dialog.addEventListener('cancel', () => resolve(false), { once: true });
    dialog.showModal();
    (input ?? cancel).focus();
  });
}
