import { describe, expect, it } from 'vitest';
import type { BundleCode, MatterCode } from '../../../../../renderer/src/domain/catalogue/schema';
import { intakeQuestionsFor, resolveSelection } from '../../../../../renderer/src/domain/catalogue/selection';
import { matterAt, rawCatalogue, validCatalogue } from './catalogueFixture';

describe('resolveSelection', () => {
  it('resolves a bundle to its matters in the bundle order', () => {
    const result = resolveSelection(validCatalogue(), { kind: 'bundle', bundleCode: 'YJS-0001' as BundleCode });
    expect(result.ok && result.matters.map((matter) => matter.code)).toEqual(['110000-0001', '110000-0002']);
    expect(result.ok && result.bundle?.name).toBe('企业开办');
  });

  it('resolves matters picked one by one in the order picked, without a bundle', () => {
    const codes = ['110000-0002', '110000-0001'] as MatterCode[];
    const result = resolveSelection(validCatalogue(), { kind: 'matters', matterCodes: codes });
    expect(result.ok && result.matters.map((matter) => matter.code)).toEqual(codes);
    expect(result.ok && result.bundle).toBeNull();
  });
});

describe('intakeQuestionsFor', () => {
  it('asks a question shared by two matters once, where it first appears', () => {
    const raw = rawCatalogue();
    matterAt(raw, 1).questions = [
      { id: 'sealCount', kind: 'count', label: '印章枚数' },
      { id: 'agentUsed', kind: 'boolean', label: '是否由经办人代办' },
    ];
    const catalogue = validCatalogue(raw);
    const ids = intakeQuestionsFor(catalogue.matters).map((question) => question.id);
    expect(ids).toEqual(['premises', 'shareholderKinds', 'agentUsed', 'staffCount', 'sealCount']);
  });
});
