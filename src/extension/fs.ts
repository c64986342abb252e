/** The core's HandbookFs over vscode.workspace.fs: works on disk, in vscode.dev and github.dev. */
import * as vscode from 'vscode';
import type { DirEntry, HandbookFs } from '../core/handbook';

/** Core paths are `uri.path`; `base` carries the scheme and authority of the workspace folder. */
export function uriFs(base: vscode.Uri): HandbookFs {
  const at = (path: string) => base.with({ path });
  const kind = (t: vscode.FileType): DirEntry['type'] =>
    t & vscode.FileType.Directory ? 'directory' : t & vscode.FileType.File ? 'file' : 'other';
  const isLink = (t: vscode.FileType): boolean => (t & vscode.FileType.SymbolicLink) !== 0;
  // No `realpath`: vscode.workspace.fs cannot say where a link leads, so the core follows no
  // symbolic link it sees here (the `link` bit), as it would not follow one out of the handbook
  // or into `.git` in the CLI (readRefusal, discover).
  return {
    async readFile(path) {
      return vscode.workspace.fs.readFile(at(path));
    },
    async readDirectory(path) {
      const entries = await vscode.workspace.fs.readDirectory(at(path));
      return entries.map(([name, type]) => (isLink(type) ? { name, type: kind(type), link: true } : { name, type: kind(type) }));
    },
    async stat(path) {
      const st = await vscode.workspace.fs.stat(at(path));
      return isLink(st.type) ? { type: kind(st.type), size: st.size, link: true } : { type: kind(st.type), size: st.size };
    },
  };
}
