// The smoke extension: one command. Plain CommonJS with no Node APIs, so the same file is the `main` (Node
// extension host) and the `browser` (web worker extension host) entry.
'use strict';
const vscode = require('vscode');

exports.activate = function activate(context) {
  context.subscriptions.push(
    vscode.commands.registerCommand('harnessSmoke.hello', (name) => `hello ${name || 'world'} from ${typeof process === 'object' && process.versions && process.versions.node ? 'node' : 'web'}`),
  );
  return { ready: true };
};

exports.deactivate = function deactivate() {};
