import path from 'node:path';

/*
 * A client component ('use client') is bundled for the browser: a runtime import of db/ would
 * pull the database driver and every query into that bundle (or fail the build), and would put
 * access checks on the wrong side of the network. Types are erased at build time, so
 * `import type` from db/ stays legal; the Workbench and the forms take their props' shapes from
 * db/ that way. no-restricted-imports cannot express this: it cannot see the directive.
 */

/** @param {import('eslint').Rule.RuleContext} context */
function isClientModule(context) {
  const body = context.sourceCode.ast.body;
  for (const statement of body) {
    // Directives are the leading string-literal statements of a module; the prologue ends at
    // the first statement that is not one.
    if (statement.type !== 'ExpressionStatement' || typeof statement.directive !== 'string') return false;
    if (statement.directive === 'use client') return true;
  }
  return false;
}

/**
 * True when `source`, imported from `filename`, names a module in the project's db/ folder:
 * the `@/db` alias, or a relative path that lands there.
 */
function pointsIntoDb(source, filename, root) {
  if (/^@\/db(\/|$)/.test(source)) return true;
  if (!source.startsWith('.')) return false;
  const target = path.resolve(path.dirname(filename), source);
  const relative = path.relative(path.join(root, 'db'), target);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** An import or re-export that leaves nothing behind at runtime. */
function isTypeOnly(node) {
  if (node.importKind === 'type' || node.exportKind === 'type') return true;
  const specifiers = node.specifiers ?? [];
  // `import { type A, type B } from` is erased too; `import {} from` and `import 'x'` are not.
  return (
    specifiers.length > 0 &&
    specifiers.every((s) => s.importKind === 'type' || s.exportKind === 'type')
  );
}

/** @type {import('eslint').Rule.RuleModule} */
const clientNoDb = {
  meta: {
    type: 'problem',
    docs: { description: "Client components ('use client') may import only types from db/." },
    schema: [],
    messages: {
      runtimeDb:
        "'{{source}}' is db/ code in a client component: it would ship the database layer to the browser. Use `import type`, or fetch the data in a server component or action and pass it as props.",
    },
  },
  create(context) {
    if (!isClientModule(context)) return {};
    const filename = context.filename;
    const root = context.cwd;

    function check(node, sourceNode) {
      if (!sourceNode || sourceNode.type !== 'Literal' || typeof sourceNode.value !== 'string') return;
      if (!pointsIntoDb(sourceNode.value, filename, root)) return;
      context.report({ node, messageId: 'runtimeDb', data: { source: sourceNode.value } });
    }

    return {
      ImportDeclaration(node) {
        if (!isTypeOnly(node)) check(node, node.source);
      },
      ExportNamedDeclaration(node) {
        if (node.source && !isTypeOnly(node)) check(node, node.source);
      },
      ExportAllDeclaration(node) {
        if (node.exportKind !== 'type') check(node, node.source);
      },
      ImportExpression(node) {
        check(node, node.source);
      },
    };
  },
};

const plugin = {
  meta: { name: 'crosscheck' },
  rules: { 'client-no-db': clientNoDb },
};

export default plugin;
