// Staging folders and temp files carry the writer's pid in their name (".icx-bill-<pid>-XXXX",
// ".out.tmp-<pid>-XXXX"): one whose process no longer exists was left by a writer killed before it
// could clean up (SIGKILL, power loss), and is never an output. The next writer removes it; one of
// a live process (another icx writing beside us) is left alone.
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';

export async function removeStaleStaging(dir: string, prefix: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  for (const n of names) {
    if (!n.startsWith(prefix)) continue;
    const pid = Number(/^(\d+)-/.exec(n.slice(prefix.length))?.[1]);
    if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid || alive(pid)) continue;
    await rm(path.join(dir, n), { recursive: true, force: true }).catch(() => undefined);
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but is another user's
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
