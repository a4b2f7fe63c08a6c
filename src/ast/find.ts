/**
 * The deepest node whose range holds an offset, found by descending from the root with a binary search over each
 * child array: O(depth × log(width)). ESLint's `getNodeByRangeIndex` visits every sibling on the way, which is
 * quadratic over a minified bundle whose program has tens of thousands of statements.
 */
import type { TSESTree } from '@typescript-eslint/utils';

type Node = TSESTree.Node;
type VisitorKeys = Readonly<Record<string, readonly string[] | undefined>>;

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as Node).type === 'string' && Array.isArray((value as Node).range);
}

function childAt(children: readonly unknown[], index: number): Node | undefined {
  let lo = 0;
  let hi = children.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const child = children[mid];
    if (!isNode(child)) {
      // holes (`[, a]`) or non-nodes: fall back to a scan of this array
      return children.find((c): c is Node => isNode(c) && c.range[0] <= index && index < c.range[1]);
    }
    if (index < child.range[0]) hi = mid - 1;
    else if (index >= child.range[1]) lo = mid + 1;
    else return child;
  }
  return undefined;
}

export function findNodeAt(root: Node, index: number, visitorKeys: VisitorKeys): Node | undefined {
  if (index < root.range[0] || index >= root.range[1]) return undefined;
  let node = root;
  for (;;) {
    let next: Node | undefined;
    for (const key of visitorKeys[node.type] ?? []) {
      const value = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(value)) next = childAt(value, index) ?? decoratorBefore(value, index);
      else if (isNode(value) && value.range[0] <= index && index < value.range[1]) next = value;
      if (next) break;
    }
    if (!next) return node;
    node = next;
  }
}

/**
 * The decorator holding `index` of a node whose range starts after its decorators: a decorated `export class`
 * (`@Auth("…")\nexport class A {}`: the export's range, and its class's) and a decorated parameter
 * (`m(@Inject("…") x)`: the parameter's range starts at `x`), so no child's range holds them.
 */
function decoratorBefore(children: readonly unknown[], index: number): Node | undefined {
  const after = children.find((c): c is Node => isNode(c) && c.range[0] > index);
  if (!after) return undefined;
  const owner = after.type === 'ExportNamedDeclaration' || after.type === 'ExportDefaultDeclaration' ? after.declaration : after;
  const decorators = (owner as { decorators?: readonly Node[] } | null | undefined)?.decorators ?? [];
  return decorators.find((d) => d.range[0] <= index && index < d.range[1]);
}
