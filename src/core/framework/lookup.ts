/** Fast, forgiving look-ups into a framework: tier and element by any of their names. */
import { matchKey } from '../text';
import type { ElementDef, Framework, Lang, TierDef } from '../types';

export class FrameworkLookup {
  private readonly tierByKey = new Map<string, TierDef>();
  private readonly tierById = new Map<string, TierDef>();
  private readonly elementById = new Map<string, ElementDef>();
  /** Per tier id: element by match key. */
  private readonly elementKeys = new Map<string, Map<string, ElementDef>>();
  private readonly goalKeys: Set<string>;
  /** Match keys of every tier's names, for headings such as "Esihenkilöt – valmentajina". */
  private readonly tierNameKeys: { key: string; tier: TierDef }[] = [];
  /** matchKey of texts seen lately: titles and labels repeat across the files of a handbook. */
  private readonly keyMemo = new Map<string, string>();

  constructor(readonly framework: Framework) {
    for (const tier of framework.tiers) {
      this.tierById.set(tier.id, tier);
      const names = [tier.id, tier.name.fi, tier.name.en, ...tier.aliases];
      for (const n of names) this.addTierKey(matchKey(n), tier);
      for (const n of [tier.name.fi, tier.name.en, ...tier.aliases]) {
        const k = matchKey(n);
        if (k) this.tierNameKeys.push({ key: k, tier });
      }
      // "Ylin johto – Suunnan näyttäjä ja rakenteiden mahdollistaja", the article's tier lines
      for (const lang of ['fi', 'en'] as Lang[]) {
        if (tier.role[lang]) this.addTierKey(matchKey(`${tier.name[lang]} – ${tier.role[lang]}`), tier);
      }
      const keys = new Map<string, ElementDef>();
      for (const el of tier.elements) {
        this.elementById.set(el.id, el);
        for (const n of [el.name.fi, el.name.en, ...el.aliases, el.id]) {
          const k = matchKey(n);
          if (k && !keys.has(k)) keys.set(k, el);
        }
      }
      this.elementKeys.set(tier.id, keys);
    }
    this.goalKeys = new Set([...framework.goalLabels.fi, ...framework.goalLabels.en].map(matchKey));
  }

  /** matchKey, remembered (bounded: a hostile file cannot grow it without limit). */
  private key(text: string): string {
    let k = this.keyMemo.get(text);
    if (k === undefined) {
      k = matchKey(text);
      if (this.keyMemo.size >= 4096) this.keyMemo.clear();
      this.keyMemo.set(text, k);
    }
    return k;
  }

  private addTierKey(key: string, tier: TierDef): void {
    if (key && !this.tierByKey.has(key)) this.tierByKey.set(key, tier);
  }

  tier(id: string): TierDef | undefined {
    return this.tierById.get(id);
  }

  element(id: string): ElementDef | undefined {
    return this.elementById.get(id);
  }

  /** A tier named by a frontmatter value: its id, fi/en name, an alias, or "name – role". */
  resolveTier(value: string): TierDef | undefined {
    return this.tierByKey.get(this.key(value));
  }

  /**
   * A tier named by a heading: exactly as `resolveTier`, or its name followed by a dash or colon
   * and more words (e.g. "Esihenkilöt – valmentajina").
   */
  tierOfHeading(text: string): TierDef | undefined {
    const key = this.key(text);
    const exact = this.tierByKey.get(key);
    if (exact) return exact;
    for (const { key: k, tier } of this.tierNameKeys) {
      if (key.startsWith(`${k} - `) || key.startsWith(`${k}: `)) return tier;
    }
    return undefined;
  }

  /** An element of `tierId` named by a heading or item title. */
  elementOfTitle(tierId: string, title: string): ElementDef | undefined {
    const keys = this.elementKeys.get(tierId);
    if (!keys) return undefined;
    const key = this.key(title);
    const exact = keys.get(key);
    if (exact) return exact;
    // "Psykologinen turvallisuus – rohkeus kokeilla", "Vision and culture (2027)"
    for (const [k, el] of keys) {
      if (key.startsWith(`${k} - `) || key.startsWith(`${k} (`) || key.startsWith(`${k}: `)) return el;
    }
    return undefined;
  }

  /** Whether `label` (e.g. "Mittari", "**Goal**") is a goal/indicator label. */
  isGoalLabel(label: string): boolean {
    return this.goalKeys.has(this.key(label));
  }

  /** The first goal label and indicator label for templates, in `lang`. */
  goalTemplateLabels(lang: Lang): [string, string] {
    const labels = this.framework.goalLabels[lang];
    const goal = labels[0] ?? (lang === 'fi' ? 'Tavoite' : 'Goal');
    const indicator =
      labels.find((l) => /mittari|indicator|measure|metric/i.test(l)) ?? labels[1] ?? goal;
    return [goal, indicator];
  }
}
