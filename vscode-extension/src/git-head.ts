// A read-only document scheme holding a file's content at git HEAD (`git show HEAD:./name`
// run in the file's folder, so no repository root is needed), for `vscode.diff`.
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';

export const GIT_HEAD_SCHEME = 'icx-git-head';

export function headUri(file: vscode.Uri): vscode.Uri {
  return file.with({ scheme: GIT_HEAD_SCHEME, query: 'HEAD' });
}

export class GitHeadContentProvider implements vscode.TextDocumentContentProvider {
  provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const file = uri.with({ scheme: 'file', query: '' }).fsPath;
    return new Promise((resolve) => {
      execFile('git', ['show', `HEAD:./${path.basename(file)}`], { cwd: path.dirname(file), maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
        if (err !== null) {
          // A new file has no HEAD version: the diff shows it as wholly added.
          void vscode.window.showWarningMessage(`icx: no HEAD version of ${path.basename(file)} (${(stderr || err.message).trim()})`);
          resolve('');
        } else resolve(stdout);
      });
    });
  }
}
