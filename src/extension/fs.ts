/** The core's HandbookFs over vscode.workspace.fs: works on disk, in vscode.dev and github.dev. */
import * as vscode from 'vscode';
import type { DirEntry, HandbookFs } from '../core/handbook';

/** Core paths are `uri.path`; `base` carries the scheme and authority of the workspace folder. */
export function uriFs(base: vscode.Uri): HandbookFs {
  const at = (path: string) => base.with({ path });
  const kind = (t: vscode.FileType): DirEntry['type'] =>
    t & vscode.FileType.Directory ? 'directory' : t & vscode.FileType.File ? 'file' : 'other';
  return {
    async readFile(path) {
      return vscode.workspace.fs.readFile(at(path));
    },
    async readDirectory(path) {
      const entries = await vscode.workspace.fs.readDirectory(at(path));
      // Symbolic links to directories are not followed (no loops); links to files are read.
      return entries.map(([name, type]) => ({
        name,
        type: type & vscode.FileType.SymbolicLink && type & vscode.FileType.Directory ? 'other' : kind(type),
      }));
    },
    async stat(path) {
      const st = await vscode.workspace.fs.stat(at(path));
      return { type: kind(st.type), size: st.size };
    },
  };
}
