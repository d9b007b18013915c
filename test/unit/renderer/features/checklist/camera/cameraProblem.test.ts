import { describe, expect, it } from 'vitest';
import { cameraProblemOf } from '../../../../../../renderer/src/features/checklist/camera/cameraProblem';
import { checklistMessages } from '../../../../../../renderer/src/features/checklist/messages';

const named = (name: string) => new DOMException('camera', name);

describe('why the document camera did not open', () => {
  it.each([
    ['NotFoundError', 'notFound'],
    ['DevicesNotFoundError', 'notFound'],
    ['OverconstrainedError', 'notFound'],
    ['NotReadableError', 'busy'],
    ['TrackStartError', 'busy'],
    ['AbortError', 'busy'],
    ['NotAllowedError', 'notAllowed'],
    ['SecurityError', 'notAllowed'],
    ['TypeError', 'other'],
  ] as const)('%s is %s', (name, problem) => {
    expect(cameraProblemOf(named(name))).toBe(problem);
  });

  it('something that is not an error is "other"', () => {
    expect(cameraProblemOf('boom')).toBe('other');
    expect(cameraProblemOf(null)).toBe('other');
  });

  it('every problem tells the clerk the file picker is still there', () => {
    for (const text of Object.values(checklistMessages.camera.problems)) expect(text).toContain('附加扫描件');
  });
});
