import { uuidv7 } from 'uuidv7';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pullResponseSchema } from '../../renderer/src/protocol/pull';
import { pushResponseSchema } from '../../renderer/src/protocol/push';
import { Outbox } from './support/fixtures';
import { HqHarness, type TestDesk } from './support/harness';

let hq: HqHarness;
let desk: TestDesk;
let outbox: Outbox;

beforeEach(async () => {
  hq = await new HqHarness().start();
  desk = await hq.enrol('FC', '03');
  outbox = new Outbox();
});
afterEach(() => hq.dispose());

const applicant = { name: '陈大文', idKind: 'hkMacaoPermit', idNumber: 'H60248731', phone: '+85291234567' } as const;
const agent = { name: 'John Smith', idKind: 'passport', idNumber: 'EP1234567', nationality: 'GBR', phone: '+442079460958' } as const;

describe('identity documents on the wire', () => {
  it('applies a case whose applicant and agent hold documents other than a 居民身份证, and hands their kinds to the hall', async () => {
    const caseId = uuidv7();
    const answer = await desk.push([outbox.newCase(desk, 1, { applicant, agent }, caseId)]);
    expect(pushResponseSchema.parse(answer.body).results.map((result) => result.status)).toEqual(['applied']);

    const other = await hq.enrol('FC', '04');
    const changes = pullResponseSchema.parse((await other.pull('?cursor=0&limit=500')).body).changes;
    const pulled = changes.find((change) => change.entityId === caseId);
    expect(pulled?.data).toMatchObject({ applicant, agent });
  });

  it('applies a founding\'s legal representative and shareholders with their documents, and hands them to the hall', async () => {
    const caseId = uuidv7();
    const legalRepresentative = { name: '陈大文', idKind: 'hkMacaoPermit', idNumber: 'H60248731', phone: null } as const;
    const shareholders = [{ name: 'John Smith', idKind: 'passport', idNumber: 'EP7319468', nationality: 'GBR' }] as const;
    const answer = await desk.push([outbox.newCase(desk, 1, { legalRepresentative, shareholders: [...shareholders] }, caseId)]);
    expect(pushResponseSchema.parse(answer.body).results.map((result) => result.status)).toEqual(['applied']);

    const other = await hq.enrol('FC', '04');
    const changes = pullResponseSchema.parse((await other.pull('?cursor=0&limit=500')).body).changes;
    expect(changes.find((change) => change.entityId === caseId)?.data).toMatchObject({ legalRepresentative, shareholders });
  });

  it('rejects a shareholder\'s passport without its nationality', async () => {
    const answer = await desk.push([outbox.newCase(desk, 1, { shareholders: [{ name: 'John Smith', idKind: 'passport', idNumber: 'EP7319468' }] })]);
    const [result] = pushResponseSchema.parse(answer.body).results;
    expect(result?.status).toBe('rejected');
    expect(JSON.stringify(result)).toContain('请选择护照的国籍');
  });

  it('rejects a case whose permit number does not fit its kind, naming the document', async () => {
    const answer = await desk.push([outbox.newCase(desk, 1, { applicant: { ...applicant, idKind: 'taiwanPermit' } })]);
    const [result] = pushResponseSchema.parse(answer.body).results;
    expect(result?.status).toBe('rejected');
    expect(JSON.stringify(result)).toContain('台湾居民来往大陆通行证号码应为8位数字');
  });
});
