import { afterEach, describe, vi } from 'vitest';
import { mainWiringSpecs } from './fakeElectron';

afterEach(() => {
  vi.doUnmock('electron');
  vi.resetModules();
});

describe('main process wiring (sources, Electron injected)', () => {
  mainWiringSpecs(async (fake) => {
    vi.resetModules();
    vi.doMock('electron', () => fake.electron);
    await import('../../../../electron/main/index');
  });
});
