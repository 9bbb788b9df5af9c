type Child = Node | string | undefined;

/**
 * Builds an element from text and nodes only. The console never parses strings as markup: audit
 * records and reports carry values callers chose, and this is the one way the page makes DOM.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: { className?: string; attrs?: Record<string, string> } = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (props.className !== undefined) element.className = props.className;
  for (const [name, value] of Object.entries(props.attrs ?? {})) element.setAttribute(name, value);
  element.append(...nodes(...children));
  return element;
}

/** Children as nodes, strings as text nodes, absent ones dropped. */
export function nodes(...children: Child[]): Node[] {
  return children
    .filter((child): child is Node | string => child !== undefined)
    .map((child) => (typeof child === 'string' ? document.createTextNode(child) : child));
}

/** The element with this id, of the expected kind; the page's markup and this code must agree. */
export function byId<T extends HTMLElement>(id: string, kind: new () => T): T {
  const element = document.getElementById(id);
  if (!(element instanceof kind)) throw new Error(`console markup: #${id} is missing or not a ${kind.name}`);
  return element;
}

/** Shows a message in a status line; `tone` selects the style (info, ok, alert). */
export function say(target: HTMLElement, tone: 'info' | 'ok' | 'alert', text: string, detail?: string): void {
  target.replaceChildren(
    ...nodes(h('strong', {}, text), detail === undefined ? undefined : h('span', { className: 'detail' }, detail)),
  );
  target.className = `status status-${tone}`;
  target.hidden = false;
}

export function clear(target: HTMLElement): void {
  target.replaceChildren();
  target.hidden = true;
}
