// Runs the workspace's own icx CLI (`npx icx …`) and collects its output.
import { spawn } from 'node:child_process';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function runIcx(args: string[], cwd: string): Promise<RunResult> {
  return new Promise((resolve) => {
    // npx is a .cmd script on Windows: only a shell runs it there.
    const child = spawn('npx', ['--no-install', 'icx', ...args], { cwd, shell: process.platform === 'win32' });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', (e) => resolve({ code: -1, stdout, stderr: `${stderr}${String(e)}\n` }));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}
