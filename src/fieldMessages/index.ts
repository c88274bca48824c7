// Validation failures as sentences people can read, shared by the extension's pages and the portal: each
// answer is a message key with substitutions, rendered by whichever string system the page uses.
export { allFieldMessageKeys, fieldCatalogue, type FieldKind, type FieldName } from './catalogue';
export {
  fieldMessages,
  settingsFileMessage,
  type FieldAliases,
  type FieldMessage,
  type IssueLike,
} from './fromIssues';
