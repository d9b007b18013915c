import type { z } from 'zod';
import { parseCatalogue } from '../../../../../renderer/src/domain/catalogue/parseCatalogue';
import type { Catalogue, catalogueSchema } from '../../../../../renderer/src/domain/catalogue/schema';

/** A catalogue as HQ would send it: plain JSON, before branding and defaults. */
export type RawCatalogue = z.input<typeof catalogueSchema>;

/**
 * Two small matters and a bundle, enough to exercise every rule: 设立登记 asks four questions, both
 * matters share the legal representative's ID, and 设立登记 has the material named in the brief's
 * example message (公司章程).
 */
export function rawCatalogue(): RawCatalogue {
  return {
    version: '2026.11.1',
    matters: [
      {
        code: '110000-0001',
        name: '设立登记',
        department: '市场监督管理局',
        kind: 'commitment',
        legalLimitDays: 3,
        promisedLimitDays: 1,
        feeFen: 0,
        certificate: '营业执照',
        questions: [
          {
            id: 'premises',
            kind: 'single',
            label: '住所情况',
            options: [
              { value: 'owned', label: '自有' },
              { value: 'rented', label: '租赁' },
            ],
          },
          {
            id: 'shareholderKinds',
            kind: 'multi',
            label: '股东类型',
            options: [
              { value: 'natural_person', label: '自然人' },
              { value: 'company', label: '企业' },
            ],
          },
          { id: 'agentUsed', kind: 'boolean', label: '是否委托代理' },
          { id: 'staffCount', kind: 'count', label: '职工人数', max: 500 },
        ],
        materials: [
          {
            id: 'application-form',
            name: '公司登记（备案）申请书',
            form: 'original',
            copies: 1,
            required: true,
            legalBasis: ['《中华人民共和国市场主体登记管理条例》第十六条'],
          },
          {
            id: 'articles',
            name: '公司章程',
            form: 'original',
            copies: 1,
            required: true,
            legalBasis: ['《中华人民共和国公司法》'],
          },
          {
            id: 'lease',
            name: '租赁协议',
            form: 'copy',
            copies: 1,
            required: true,
            condition: { answer: 'premises', equals: 'rented' },
            legalBasis: ['《中华人民共和国市场主体登记管理条例》第十六条'],
          },
          {
            id: 'legal-rep-id',
            name: '法定代表人身份证件',
            form: 'copy',
            copies: 1,
            required: true,
            sharedKey: 'legal-rep-id',
            legalBasis: ['《市场主体登记管理条例实施细则》'],
            guidance: '复印件由本人签字。',
          },
        ],
      },
      {
        code: '110000-0002',
        name: '公章刻制',
        department: '公安局',
        kind: 'immediate',
        legalLimitDays: 1,
        promisedLimitDays: 0,
        feeFen: 0,
        certificate: null,
        materials: [
          {
            id: 'legal-rep-id',
            name: '法定代表人身份证件',
            form: 'copy',
            copies: 2,
            required: true,
            sharedKey: 'legal-rep-id',
            legalBasis: ['《印铸刻字业暂行管理规则》'],
            guidance: '用于印章备案。',
          },
        ],
      },
    ],
    bundles: [{ code: 'YJS-0001', name: '企业开办', matterCodes: ['110000-0001', '110000-0002'] }],
  };
}

/** Parses a raw catalogue that the test expects to be valid, failing loudly otherwise. */
export function validCatalogue(raw: RawCatalogue = rawCatalogue()): Catalogue {
  const result = parseCatalogue(raw);
  if (!result.ok) throw new Error(`fixture does not parse: ${result.problems.join('\n')}`);
  return result.catalogue;
}

export function matterAt(raw: RawCatalogue, index: number) {
  const matter = raw.matters[index];
  if (matter === undefined) throw new Error(`no matter ${index}`);
  return matter;
}

export function materialAt(raw: RawCatalogue, matterIndex: number, materialIndex: number) {
  const material = matterAt(raw, matterIndex).materials[materialIndex];
  if (material === undefined) throw new Error(`no material ${matterIndex}/${materialIndex}`);
  return material;
}
