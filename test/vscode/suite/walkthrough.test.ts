/**
 * The Get Started walkthrough (issue 10, item 7) as VS Code loads it: contributed with its five
 * steps, titles and descriptions translated (package.nls.json, package.nls.fi.json), every
 * step's Markdown present in both languages, and every `command:` link naming a command that
 * VS Code knows (the buttons of a step).
 */
import * as assert from 'assert';
import * as vscode from 'vscode';

const EXTENSION_ID = 'leadership-charters.leadership-charters';
const STEPS = ['handbook', 'charter', 'finding', 'preview', 'pullRequest'];

interface Step {
  id: string;
  title: string;
  description: string;
  media: { markdown?: string };
}
interface Walkthrough {
  id: string;
  title: string;
  steps: Step[];
}

async function readJson<T>(uri: vscode.Uri): Promise<T> {
  return JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri))) as T;
}

const commandLinks = (text: string): string[] => [...text.matchAll(/\(command:([\w.-]+)[^)]*\)/g)].map((m) => m[1]!);

suite('Walkthrough: Get started', function () {
  this.timeout(60000);
  let ext: vscode.Extension<unknown>;
  let walkthrough: Walkthrough;

  suiteSetup(async () => {
    ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    assert.ok(ext, 'extension is installed');
    await ext.activate();
    const pkg = ext.packageJSON as { contributes: { walkthroughs?: Walkthrough[] } };
    const found = pkg.contributes.walkthroughs?.find((w) => w.id === 'getStarted');
    assert.ok(found, 'the walkthrough getStarted is contributed');
    walkthrough = found;
  });

  test('five steps, in order, with translated titles and descriptions', () => {
    assert.deepEqual(walkthrough.steps.map((s) => s.id), STEPS);
    for (const text of [walkthrough.title, ...walkthrough.steps.flatMap((s) => [s.title, s.description])]) {
      assert.ok(text && !/^%.*%$/.test(text), `resolved by VS Code from package.nls*.json: ${text}`);
    }
  });

  test('every command: link of every step names a registered command', async () => {
    const registered = new Set(await vscode.commands.getCommands(false));
    const links = walkthrough.steps.flatMap((s) => commandLinks(s.description).map((c) => [s.id, c] as const));
    assert.ok(links.length >= STEPS.length, 'each step has a button');
    for (const s of walkthrough.steps) assert.ok(commandLinks(s.description).length > 0, `step ${s.id} has a button`);
    for (const [step, command] of links) assert.ok(registered.has(command), `step ${step}: command ${command} is registered`);
  });

  test('in fi and en: the same buttons, and each step\'s Markdown exists', async () => {
    const manifest = await readJson<{ contributes: { walkthroughs: Walkthrough[] } }>(vscode.Uri.joinPath(ext.extensionUri, 'package.json'));
    const raw = manifest.contributes.walkthroughs.find((w) => w.id === 'getStarted')!;
    const nls = {
      en: await readJson<Record<string, string>>(vscode.Uri.joinPath(ext.extensionUri, 'package.nls.json')),
      fi: await readJson<Record<string, string>>(vscode.Uri.joinPath(ext.extensionUri, 'package.nls.fi.json')),
    };
    const resolve = (lang: 'fi' | 'en', value: string | undefined): string => {
      const key = /^%(.+)%$/.exec(value ?? '')?.[1];
      assert.ok(key, `${value} is an nls key`);
      const text = nls[lang][key];
      assert.ok(text, `${key} in package.nls${lang === 'fi' ? '.fi' : ''}.json`);
      return text;
    };
    for (const step of raw.steps) {
      const en = resolve('en', step.description);
      const fi = resolve('fi', step.description);
      assert.deepEqual(commandLinks(fi), commandLinks(en), `step ${step.id}: the same buttons in fi and en`);
      assert.notEqual(resolve('fi', step.title), resolve('en', step.title), `step ${step.id}: a Finnish title`);
      for (const lang of ['fi', 'en'] as const) {
        const media = resolve(lang, step.media.markdown);
        assert.match(media, new RegExp(`^media/walkthrough/${lang}/`), media);
        const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(ext.extensionUri, media)));
        assert.match(text, /^# /, `${media} starts with a heading`);
      }
    }
  });
});
