import { documentMessages } from './messages';

/**
 * The document holds characters neither font can draw (e.g. 𠮷, a CJK Extension B character). Printing
 * would leave a blank box on a legal document, so the engine refuses and names every such character.
 */
export class MissingGlyphError extends Error {
  override readonly name = 'MissingGlyphError';
  readonly characters: readonly string[];

  constructor(characters: readonly string[]) {
    super(documentMessages.errors.missingGlyphs(characters));
    this.characters = characters;
  }
}

/** The request does not match its document kind's schema; `issues` says which field and why. */
export class InvalidDocumentRequestError extends Error {
  override readonly name = 'InvalidDocumentRequestError';

  constructor(readonly issues: readonly { path: string; message: string }[]) {
    super(documentMessages.errors.invalidRequest(issues.map((issue) => `${issue.path}：${issue.message}`)));
  }
}
