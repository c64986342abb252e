/**
 * The `sarif` output format: SARIF 2.1.0, for code-scanning services and SARIF viewers.
 * Paths are relative URIs against the `ROOTPATH` base (the handbook root).
 */
import type * as sarif from 'sarif';
import { localisedDocsUrl } from '../../core/rules/descriptions';
import type { Finding, Place, RunResult } from '../../core/types';
import type { FormatOptions } from './types';

const ROOT = 'ROOTPATH';

/** Percent-encodes each segment of a `/`-separated path; absolute paths become `file://` URIs. */
export function pathToUri(file: string): { uri: string; uriBaseId?: string } {
  const path = file.replace(/^([A-Za-z]):\//, '/$1:/');
  const uri = path
    .split('/')
    .map((segment, i) => (i === 1 && /^[A-Za-z]:$/.test(segment) ? segment : encodeURIComponent(segment)))
    .join('/');
  return path.startsWith('/') ? { uri: `file://${uri}` } : { uri, uriBaseId: ROOT };
}

/** SARIF recommends messages that are complete sentences. */
function sentence(text: string): string {
  return /[.!?]$/.test(text.trimEnd()) ? text : `${text.trimEnd()}.`;
}

function region({ start, end }: Place): sarif.Region {
  const r: sarif.Region = { startLine: start.line, startColumn: start.column };
  if (end.line > start.line || (end.line === start.line && end.column >= start.column)) {
    r.endLine = end.line;
    r.endColumn = end.column;
  }
  return r;
}

export function formatSarif(result: RunResult, options: FormatOptions): string {
  const { lang, toolVersion, baseUri } = options;
  const ruleIndex = new Map(result.rules.map((rule, i) => [rule.id, i]));

  const artifacts: sarif.Artifact[] = [];
  const artifactIndex = new Map<string, number>();
  const artifactLocation = (file: string): sarif.ArtifactLocation => {
    let index = artifactIndex.get(file);
    if (index === undefined) {
      index = artifacts.push({ location: pathToUri(file) }) - 1;
      artifactIndex.set(file, index);
    }
    return { ...pathToUri(file), index };
  };

  const toResult = (f: Finding): sarif.Result => {
    const index = ruleIndex.get(f.ruleId);
    const r: sarif.Result = {
      ruleId: f.ruleId,
      ...(index !== undefined && { ruleIndex: index }),
      level: f.severity,
      message: { text: sentence(f.reason) },
    };
    if (f.file !== '' && f.file !== '.') {
      r.locations = [{ physicalLocation: { artifactLocation: artifactLocation(f.file), region: region(f.place) } }];
    }
    // The line that looks like the element, its first definition, the other part of a split charter.
    const related = (f.related ?? []).filter((x) => x.file !== '' && x.file !== '.');
    if (related.length > 0) {
      r.relatedLocations = related.map((x, id) => ({
        id,
        physicalLocation: { artifactLocation: artifactLocation(x.file), region: region(x.place) },
        message: { text: sentence(x.message) },
      }));
    }
    const properties: sarif.PropertyBag = {};
    if (f.elementId !== undefined) properties['elementId'] = f.elementId;
    if (f.tier !== undefined) properties['tier'] = f.tier;
    if (Object.keys(properties).length > 0) r.properties = properties;
    return r;
  };

  const results = result.findings.map(toResult);
  const notifications = result.skipped.map(
    (s): sarif.Notification => ({
      level: 'warning',
      message: { text: sentence(s.reason) },
      locations: [{ physicalLocation: { artifactLocation: artifactLocation(s.file) } }],
    }),
  );
  for (const n of options.notices ?? []) {
    notifications.push({ level: n.severity, message: { text: sentence(n.message) }, properties: { notice: n.id } });
  }
  const invocation: sarif.Invocation = { executionSuccessful: true };
  if (notifications.length > 0) invocation.toolExecutionNotifications = notifications;

  const run: sarif.Run = {
    tool: {
      driver: {
        name: 'charters',
        fullName: `charters ${toolVersion}`,
        version: toolVersion,
        semanticVersion: toolVersion,
        informationUri: 'https://github.com/leadership-charters/charters',
        rules: result.rules.map(
          (rule): sarif.ReportingDescriptor => ({
            id: rule.id,
            // The readable name is the contract (`element-missing`), even though SARIF1001 would
            // prefer a name that differs from the id; that is a warning, not an error.
            name: rule.name,
            shortDescription: { text: rule.title[lang] },
            fullDescription: { text: sentence(rule.title[lang]) },
            helpUri: localisedDocsUrl(rule.url, rule.id, lang),
            // The level the handbook's charters.yaml gives the rule (a rule set `off` did not run).
            defaultConfiguration: rule.severity === 'off' ? { enabled: false, level: 'none' } : { level: rule.severity },
          }),
        ),
      },
    },
    invocations: [invocation],
    language: lang,
    columnKind: 'utf16CodeUnits',
  };
  if (baseUri !== undefined) run.originalUriBaseIds = { [ROOT]: { uri: baseUri } };
  if (artifacts.length > 0) run.artifacts = artifacts;
  run.results = results;

  const log: sarif.Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [run],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
