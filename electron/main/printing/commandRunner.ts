import { execFile } from 'node:child_process';

/** What running a spooler command came to; injected so tests replay recorded outputs. */
export type CommandResult =
  | { status: 'exited'; code: number; stdout: string; stderr: string }
  | { status: 'not-found' }
  | { status: 'timed-out' };

export type RunCommand = (file: string, args: readonly string[]) => Promise<CommandResult>;

export interface RunCommandOptions {
  timeoutMs?: number;
}

/**
 * Runs a program with an argument array and no shell, so printer names and titles are never interpreted.
 * CUPS localises its messages from LC_ALL/LANG (lpstat says "打印机 X 目前空闲" under zh_CN), so the
 * locale is pinned to C with UTF-8 output: English messages to parse, Chinese printer descriptions intact.
 */
export function createCommandRunner(options: RunCommandOptions = {}): RunCommand {
  const timeout = options.timeoutMs ?? 15_000;
  return (file, args) =>
    new Promise((resolve) => {
      execFile(
        file,
        [...args],
        {
          shell: false,
          timeout,
          maxBuffer: 4 * 1024 * 1024,
          windowsHide: true,
          encoding: 'utf8',
          env: { ...process.env, LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8' },
        },
        (error, stdout, stderr) => {
          if (!error) return resolve({ status: 'exited', code: 0, stdout, stderr });
          if (error.code === 'ENOENT') return resolve({ status: 'not-found' });
          if (error.killed) return resolve({ status: 'timed-out' });
          resolve({ status: 'exited', code: typeof error.code === 'number' ? error.code : 1, stdout, stderr });
        },
      );
    });
}
