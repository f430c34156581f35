/**
 * Attributes as the elements define them, which the analyzer misreads in `static properties`:
 * - LedeElement names an attribute after its property in kebab case (`creditHref`: `credit-href`) when the
 *   declaration gives no `attribute`; the analyzer lists the property name itself.
 * - `state: true` properties (always private here) have no attribute; the analyzer lists one.
 */
const kebab = (name) => name.replace(/[A-Z]/g, '-$&').toLowerCase();

export default {
  plugins: [
    {
      name: 'lede-attributes',
      packageLinkPhase({ customElementsManifest }) {
        for (const declaration of customElementsManifest.modules.flatMap((module) => module.declarations ?? [])) {
          const field = (name) => declaration.members?.find((member) => member.name === name);
          declaration.attributes = declaration.attributes?.filter((attribute) => {
            const member = field(attribute.fieldName);
            if (member?.privacy === 'private') {
              delete member.attribute;
              return false;
            }
            if (attribute.name === attribute.fieldName) attribute.name = kebab(attribute.name);
            if (member) member.attribute = attribute.name;
            return true;
          });
        }
      },
    },
  ],
};
