import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../../..');
const eslint = new ESLint({ cwd: root });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, filePath) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('architecture rules (ARCHITECTURE.md, "Layers")', () => {
  it.each([
    ['domain importing Dexie', 'renderer/src/domain/x.ts', "import Dexie from 'dexie';"],
    ['domain importing React', 'renderer/src/domain/x.ts', "import { useState } from 'react';"],
    ['domain importing the data layer', 'renderer/src/domain/cases/x.ts', "import { deskDatabase } from '../../data/db';"],
    ['domain importing a feature', 'renderer/src/domain/x.ts', "import { App } from '../features/shell/App';"],
    ['domain importing the protocol', 'renderer/src/domain/cases/x.ts', "import { syncOpSchema } from '../../protocol/ops';"],
    ['the protocol importing the data layer', 'renderer/src/protocol/x.ts', "import { deskDatabase } from '../data/db';"],
    ['the protocol importing Dexie', 'renderer/src/protocol/x.ts', "import Dexie from 'dexie';"],
    ['data importing a feature', 'renderer/src/data/x.ts', "import { App } from '../features/shell/App';"],
    ['documents importing React', 'renderer/src/documents/x.ts', "import React from 'react';"],
    ['a feature importing electron', 'renderer/src/features/intake/x.ts', "import { ipcRenderer } from 'electron';"],
    ['a feature reaching into electron/', 'renderer/src/features/intake/x.ts', "import { channels } from '../../../../electron/ipc/channels';"],
    ['sync reaching into electron/', 'renderer/src/sync/x.ts', "import { registerIpc } from '../../../electron/ipc/register';"],
    ['the reference HQ importing electron', 'test/hq/x.ts', "import { app } from 'electron';"],
    ['a feature importing the Windows PDF printer', 'renderer/src/features/printing/x.ts', "import { print } from 'pdf-to-printer';"],
    ['platform/ importing the Windows PDF printer', 'renderer/src/platform/x.ts', "import { print } from 'pdf-to-printer';"],
    ['documents importing the Windows PDF printer', 'renderer/src/documents/x.ts', "import { print } from 'pdf-to-printer';"],
  ])('refuses %s', async (_label, file, code) => {
    expect(await restrictedImports(file, `${code}\nexport {};\n`)).not.toEqual([]);
  });

  it.each([
    ['domain importing domain and zod', 'renderer/src/domain/cases/x.ts', "import { z } from 'zod';\nimport { addWorkingDays } from '../calendar';"],
    ['the protocol importing the domain and zod', 'renderer/src/protocol/x.ts', "import { z } from 'zod';\nimport { caseIdSchema } from '../domain/cases/caseId';"],
    ['a feature importing data and domain', 'renderer/src/features/intake/x.ts', "import { deskDatabase } from '../../data/db';\nimport { x } from '../../domain/x';"],
    ['platform/ importing the IPC contract types', 'renderer/src/platform/x.ts', "import type { DeskApi } from '../../../electron/ipc/contract';"],
    ['the main process importing electron', 'electron/main/x.ts', "import { app } from 'electron';"],
    ['the main process importing the Windows PDF printer', 'electron/main/printing/x.ts', "import { print } from 'pdf-to-printer';"],
  ])('allows %s', async (_label, file, code) => {
    expect(await restrictedImports(file, `${code}\nexport {};\n`)).toEqual([]);
  });
});
