/** Why the document camera could not be opened, as the clerk is told (text in messages.ts). */
export type CameraProblem = 'notFound' | 'busy' | 'notAllowed' | 'unsupported' | 'other';

/**
 * getUserMedia's failures by their DOMException name. Chromium names a missing camera NotFoundError (older
 * builds DevicesNotFoundError), one held by another program NotReadableError (TrackStartError), and a
 * refused permission NotAllowedError (PermissionDeniedError).
 */
export function cameraProblemOf(error: unknown): CameraProblem {
  const name = typeof error === 'object' && error !== null && 'name' in error && typeof error.name === 'string' ? error.name : '';
  switch (name) {
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return 'notFound';
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return 'busy';
    case 'NotAllowedError':
    case 'PermissionDeniedError':
    case 'SecurityError':
      return 'notAllowed';
    default:
      return 'other';
  }
}
