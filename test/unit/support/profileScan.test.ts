import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodings, indexedDbFiles, valuesIn, valuesInFiles } from '../../support/profileScan';

const values = new Set(['欧阳雪晴', '王建国', '13981234567', '51070319880627317X']);

function around(...parts: Buffer[]): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0x01, 0x22]), ...parts.flatMap((part) => [part, Buffer.from([0x00, 0xfe, 0x41])])]);
}

describe('valuesIn', () => {
  it('finds each value in UTF-8, UTF-16LE and UTF-16BE, at odd and even offsets', () => {
    for (const value of values) {
      for (const encoded of encodings(value)) {
        for (const pad of [0, 1]) {
          const bytes = around(Buffer.alloc(pad, 0x07), encoded);
          expect([...valuesIn(bytes, values)], `${value} in ${encoded.toString('hex')} after ${pad}`).toEqual([value]);
        }
      }
    }
  });

  it('finds a value inside a longer run of its characters', () => {
    const bytes = around(Buffer.from('姓名欧阳雪晴先生', 'utf8'), Buffer.from('tel:0813981234567', 'utf16le'));
    expect([...valuesIn(bytes, values)].sort()).toEqual(['13981234567', '欧阳雪晴']);
  });

  it('finds nothing when only parts of values are stored', () => {
    const bytes = around(Buffer.from('欧阳雪', 'utf8'), Buffer.from('1398123456', 'utf16le'), Buffer.from('王建', 'utf8'), Buffer.from('国', 'utf8'));
    expect(valuesIn(bytes, values).size).toBe(0);
  });

  it('finds nothing in sealed bytes and nothing when asked for nothing', () => {
    const sealed = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 151 + 7) & 0xff));
    expect(valuesIn(sealed, values).size).toBe(0);
    expect(valuesIn(Buffer.from('王建国', 'utf8'), new Set()).size).toBe(0);
  });
});

describe('indexedDbFiles and valuesInFiles', () => {
  it('read one origin\'s IndexedDB files, lock files left out, and find values in any of them', async () => {
    const profile = await mkdtemp(join(tmpdir(), 'profile-scan-'));
    try {
      const root = join(profile, 'Default', 'IndexedDB');
      const files: Record<string, string> = {
        'http_127.0.0.1_47930.indexeddb.leveldb/000003.log': '王建国',
        'http_127.0.0.1_47930.indexeddb.leveldb/LOCK': '',
        'http_127.0.0.1_47930.indexeddb.blob/1/00/3': '13981234567',
        'http_127.0.0.1_47931.indexeddb.leveldb/000003.log': '欧阳雪晴',
      };
      for (const [name, text] of Object.entries(files)) {
        await mkdir(join(root, name, '..'), { recursive: true });
        await writeFile(join(root, name), text);
      }
      const ofOrigin = await indexedDbFiles(profile, 'http://127.0.0.1:47930');
      expect(ofOrigin.map((file) => relative(root, file)).sort()).toEqual(['http_127.0.0.1_47930.indexeddb.blob/1/00/3', 'http_127.0.0.1_47930.indexeddb.leveldb/000003.log']);
      expect(await indexedDbFiles(profile)).toHaveLength(3);
      expect([...(await valuesInFiles(ofOrigin, values))].sort()).toEqual(['13981234567', '王建国']);
    } finally {
      await rm(profile, { recursive: true, force: true });
    }
  });
});
