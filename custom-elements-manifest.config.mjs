/**
 * custom-elements.json describes the package as it ships, read from src/ (run after the build: `npm run build`).
 *
 * - Attributes: `state: true` properties (always private here) have no attribute; the analyzer lists one.
 * - Definitions: the elements register through `define(tag, Class)` (src/shared/define.ts), which the analyzer does
 *   not follow; it reads the `customElements.define(tag, constructor)` inside the helper as a definition of a tag
 *   named "tag". Each `define('lede-…', Class)` call becomes the definition, in the module that makes it.
 * - Types: a local alias of string literals (`DateStyle`) is written out as its union, so editors and the framework
 *   types generated from this file see the values.
 * - Paths: `src/x/y.ts` is `dist/lib/x/y.js`, the file the package ships; the self-contained builds' entries are
 *   dist/lede.js and dist/hydrate.js, and a module bundled into one of those (no file of its own) is left out.
 *
 * From the finished manifest, editor data at the package root: VS Code's custom data (vscode.html-custom-data.json,
 * vscode.css-custom-data.json) and JetBrains' web-types.json. The framework types are scripts/framework-types.mjs.
 */
import { existsSync } from 'node:fs';
import { posix } from 'node:path';
import { customElementJetBrainsPlugin } from 'custom-element-jet-brains-integration';
import { customElementVsCodePlugin } from 'custom-element-vs-code-integration';

const declarationsOf = (manifest) => manifest.modules.flatMap((module) => module.declarations ?? []);

/** Source module (`src/…ts`) to the shipped file, or undefined when no file of its own ships. */
const BUNDLES = { 'src/bundle.ts': 'dist/lede.js', 'src/hydrate/index.ts': 'dist/hydrate.js' };
function shipped(path) {
  const source = path.replace(/^\/+/, '').replace(/\.js$/, '.ts');
  if (source in BUNDLES) return BUNDLES[source];
  const built = source.replace(/^src\//, 'dist/lib/').replace(/\.ts$/, '.js');
  return existsSync(built) ? built : undefined;
}

function attributes() {
  return {
    name: 'lede-attributes',
    packageLinkPhase({ customElementsManifest }) {
      for (const declaration of declarationsOf(customElementsManifest)) {
        const field = (name) => declaration.members?.find((member) => member.name === name);
        declaration.attributes = declaration.attributes?.filter((attribute) => {
          const member = field(attribute.fieldName);
          if (member?.privacy === 'private') {
            delete member.attribute;
            return false;
          }
          if (member) member.attribute = attribute.name;
          return true;
        });
      }
    },
  };
}

function definitions() {
  return {
    name: 'lede-definitions',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression) || node.expression.text !== 'define') return;
      const [tag, constructor] = node.arguments;
      if (!tag || !ts.isStringLiteral(tag) || !constructor || !ts.isIdentifier(constructor)) return;
      // The module the class is imported from (or this one), as a source path like the analyzer's own.
      const imported = node
        .getSourceFile()
        .statements.filter(ts.isImportDeclaration)
        .find((statement) =>
          statement.importClause?.namedBindings?.elements?.some((binding) => binding.name.text === constructor.text),
        );
      const from = imported ? posix.join(posix.dirname(moduleDoc.path), imported.moduleSpecifier.text) : moduleDoc.path;
      (moduleDoc.exports ??= []).push({
        kind: 'custom-element-definition',
        name: tag.text,
        declaration: { name: constructor.text, module: from.replace(/\.js$/, '.ts') },
      });
    },
    packageLinkPhase({ customElementsManifest }) {
      const elements = new Set(
        customElementsManifest.modules.flatMap((module) =>
          (module.declarations ?? [])
            .filter((declaration) => declaration.customElement)
            .map((declaration) => `${module.path} ${declaration.name}`),
        ),
      );
      // Only definitions of a declared element stay: not the helper's `customElements.define(tag, constructor)`.
      for (const module of customElementsManifest.modules) {
        module.exports = module.exports?.filter(
          (entry) =>
            entry.kind !== 'custom-element-definition' ||
            elements.has(`${entry.declaration.module ?? module.path} ${entry.declaration.name}`),
        );
      }
    },
  };
}

function aliases() {
  const unions = new Map();
  return {
    name: 'lede-type-aliases',
    analyzePhase({ ts, node }) {
      if (!ts.isTypeAliasDeclaration(node) || !ts.isUnionTypeNode(node.type)) return;
      if (node.type.types.every((type) => ts.isLiteralTypeNode(type) && ts.isStringLiteral(type.literal)))
        unions.set(node.name.text, node.type.getText());
    },
    packageLinkPhase({ customElementsManifest }) {
      const write = (type) => {
        if (type?.text) type.text = type.text.replace(/\b[A-Z]\w*\b/g, (name) => unions.get(name) ?? name);
      };
      for (const declaration of declarationsOf(customElementsManifest).filter(
        (declaration) => declaration.customElement,
      )) {
        for (const item of [...(declaration.attributes ?? []), ...(declaration.members ?? [])]) write(item.type);
      }
    },
  };
}

function paths() {
  return {
    name: 'lede-paths',
    packageLinkPhase({ customElementsManifest }) {
      if (!existsSync('dist/lib')) throw new Error('custom-elements.json names the built files: run `npm run build`');
      const modules = customElementsManifest.modules.filter((module) => shipped(module.path));
      // Every `module` of a reference, relative (`./x.js`) or from the root (`src/x.js`), to the shipped file.
      const visit = (value, from) => {
        if (!value || typeof value !== 'object') return;
        for (const [key, child] of Object.entries(value)) {
          if (key === 'module' && typeof child === 'string' && !value.package) {
            const source = child.startsWith('.') ? posix.join(posix.dirname(from), child) : child;
            value[key] = shipped(source) ?? source;
          } else visit(child, from);
        }
      };
      for (const module of modules) {
        visit(module.declarations, module.path);
        visit(module.exports, module.path);
        module.path = shipped(module.path);
      }
      customElementsManifest.modules = modules;
    },
  };
}

const editors = { outdir: '.', hideLogs: true };

export default {
  plugins: [
    attributes(),
    definitions(),
    aliases(),
    paths(),
    // After ours: they read the manifest as it ships.
    customElementVsCodePlugin({
      ...editors,
      htmlFileName: 'vscode.html-custom-data.json',
      cssFileName: 'vscode.css-custom-data.json',
    }),
    // `packageJson: true` would rewrite package.json on every build; its `web-types` field is written by hand.
    customElementJetBrainsPlugin({ ...editors, webTypesFileName: 'web-types.json', packageJson: false }),
  ],
};
