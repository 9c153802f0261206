/**
 * A console component's markup without a DOM: its function components called (those without
 * hooks), the elements kept as `{ type, props }`, so that a unit test reads what the page would
 * show — an element by id, its attributes, its text.
 */
export interface Element {
  type: string;
  props: Record<string, unknown> & { children?: unknown };
}

type Node = Element | string | number | boolean | null | undefined | Node[];

interface RawVNode {
  type: unknown;
  props: Record<string, unknown>;
}

export function expand(node: unknown): Node {
  if (Array.isArray(node)) return node.map(expand);
  if (!node || typeof node !== 'object') return node as Node;
  const { type, props } = node as RawVNode;
  if (typeof type === 'function') return expand((type as (p: unknown) => unknown)(props));
  return { type: String(type), props: { ...props, children: expand(props.children) } };
}

function* elements(node: Node): Generator<Element> {
  if (Array.isArray(node)) for (const child of node) yield* elements(child);
  else if (node && typeof node === 'object') {
    yield node;
    yield* elements(node.props.children as Node);
  }
}

export const byId = (tree: Node, id: string): Element | undefined =>
  [...elements(tree)].find((e) => e.props.id === id);

export const allOf = (tree: Node, type: string): Element[] =>
  [...elements(tree)].filter((e) => e.type === type);

export function textOf(node: Node): string {
  if (Array.isArray(node)) return node.map(textOf).join('');
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (node && typeof node === 'object') return textOf(node.props.children as Node);
  return '';
}
