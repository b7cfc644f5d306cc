/**
 * Blame in a sentence: the words that put a person, not the system, at the
 * centre of a failure. Plain patterns over prose text (the caller strips code
 * and ticket cells): a person as the subject of "failed to" / "forgot" /
 * "should have", a person's "mistake", "human error", "negligent",
 * "careless", "blame". A kept NLP library was weighed and left out: the
 * cases turn on a handful of verbs and who their subject is, which the
 * labelled set in tests/fixtures/blameless/ pins down.
 */

export type BlameKind = 'human-error' | 'possessive' | 'omission' | 'hindsight' | 'judgement' | 'ignored' | 'caused' | 'blame';

export interface BlameMatch {
  kind: BlameKind;
  /** Offset of the match in the text. */
  index: number;
  /** Length of the match in the text. */
  length: number;
  /** The words matched, spaces collapsed. */
  quote: string;
}

/** Who counts as a person in this post-mortem: its authors and action-item owners, besides any @handle. */
export interface People {
  /** Names as written (`Dana Kim`, `@dana`, `dana`); each word of a name counts on its own too. */
  names: readonly string[];
}

/** Words that must appear for any pattern to match: the cheap check before a Markdown parse. */
export const BLAME_TRIGGER =
  /\b(?:(?:human|operator)[\s-]+error|mistake|fault|fail(?:ed|s)?\s+to\b|forg[eo]t|should(?:'ve|\s+have|n't\s+have|\s+not\s+have)|careless|negligen|blam(?:e|ed|es|ing)\b|neglect|overlook|ignored|made\s+an?\s+(?:error|blunder)|messed\s+up|screwed\s+up|botched|sloppy|more\s+careful|caused\s+(?:the|this)\s+(?:outage|incident)|oversight|did(?:n't|\s+not)\s+bother|reckless|lazy)/i;

/** A rewrite that moves the focus from the person to the system, per kind of blame. */
export const REWRITES: Record<BlameKind, string> = {
  'human-error':
    '"Human error" ends the inquiry where it should start: name the condition that made the slip possible, e.g. "the form accepted an unvalidated value".',
  possessive: 'Say what happened and what allowed it, not whose mistake it was, e.g. "the change was applied without review because the pipeline allowed it".',
  omission: 'Make the process the subject, e.g. "the runbook had no step for renewing the certificate" instead of "X forgot to renew it".',
  hindsight: 'Say what would have caught it, e.g. "no check required a dry run before the migration" instead of "X should have tested it".',
  judgement: 'Describe the conditions (time pressure, a missing guard, an unclear tool) instead of judging the person.',
  ignored: 'Say why the signal was easy to miss, e.g. "the alert looked like the usual noise" instead of "X ignored the alert".',
  caused: 'Name the change and what let it through, e.g. "the config change, which no test covered, caused the outage".',
  blame: 'Post-mortems are blameless: describe causes and safeguards, not culprits.',
};

const ROLE =
  "(?:the|our|an?|one|another|that|this)\\s+(?:new\\s+|junior\\s+|senior\\s+|on-?call\\s+|primary\\s+|secondary\\s+|responsible\\s+|same\\s+)?(?:engineer|developer|dev|operator|on-?call(?:er)?|reviewer|admin(?:istrator)?|intern|sre|dba|hire|contractor|person|employee|teammate|colleague|release\\s+manager|responder|author|owner|approver|support\\s+agent|agent)";
const PRONOUN = '(?:he|she|someone|somebody)';
const ADVERB = "(?:\\s+(?:simply|just|clearly|obviously|again|also|then|apparently|completely|totally|had|has|have|must\\s+have|probably|likely|evidently))*";
const NOT_PASSIVE = '(?!\\s+been\\s+(?:given|told|paged|notified|warned|alerted|shown|able|informed|trained|asked|supported|consulted|included|offered|reminded|sent|copied))';
const VERB: { pattern: string; kind: BlameKind }[] = [
  { pattern: 'fail(?:ed|s)?\\s+to\\b(?!\\s+(?:receive|get|be\\s+(?:paged|notified|alerted|told|reached)|hear))', kind: 'omission' },
  { pattern: 'forg[eo]t(?:ten)?', kind: 'omission' },
  { pattern: 'neglect(?:ed|s)?(?:\\s+to)?', kind: 'omission' },
  { pattern: 'overlooked', kind: 'omission' },
  { pattern: "did(?:n't|\\s+not)\\s+bother", kind: 'omission' },
  { pattern: `should(?:'ve|\\s+have|n't\\s+have|\\s+not\\s+have)${NOT_PASSIVE}`, kind: 'hindsight' },
  { pattern: '(?:was|were|is|been)\\s+(?:careless|negligent|sloppy|reckless|lazy)', kind: 'judgement' },
  { pattern: 'made\\s+an?\\s+(?:mistake|error|blunder)', kind: 'possessive' },
  { pattern: '(?:messed|screwed)\\s+up|botched', kind: 'judgement' },
  { pattern: 'ignored', kind: 'ignored' },
  { pattern: 'caused\\s+(?:the|this)\\s+(?:outage|incident)', kind: 'caused' },
  { pattern: '(?:was|is)\\s+(?:at\\s+fault|to\\s+blame)', kind: 'blame' },
];
const BLAMEWORTHY = '(?:mistake|fault|error|oversight|carelessness|negligence|blunder|screw-?up|slip)';
/** What a name alone (capitalised, not known to be a person) may be blamed for: verbs a system cannot do. */
/** A capitalised word that may be a name: not a pronoun or a word that opens a sentence about everyone. */
const CAPITALISED_NAME = '\\b(?!(?:We|They|It|I|You|This|That|These|Those|Nobody|Everyone|Everybody|Nothing|Something|Someone|There|Which|Who|What|Then|And|But)\\b)[A-Z][a-z]+';
const HUMAN_ONLY_VERB = `(?:forg[eo]t(?:ten)?|neglected(?:\\s+to)?|did(?:n't|\\s+not)\\s+bother|(?:was|were)\\s+(?:careless|negligent|sloppy|reckless|lazy)|made\\s+an?\\s+(?:mistake|blunder)|(?:messed|screwed)\\s+up)`;

/** Words before a trigger that turn it into a blameless statement ("not human error", "no one is to blame"). */
const NEGATION = /\b(?:not|no|never|nobody|without|avoid(?:s|ed|ing)?|rather\s+than|instead\s+of|n't|nor|free\s+of|beyond)\b|n't\b/i;

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Names of people as alternatives for a regex: full names, each word of them, handles with and without `@`. */
function nameAlternatives(people: People): string[] {
  const names = new Set<string>();
  for (const raw of people.names) {
    const name = raw.trim().replace(/^@/, '');
    if (name.length < 2) continue;
    names.add(name);
    for (const word of name.split(/\s+/)) if (word.length >= 2 && /^\p{L}/u.test(word)) names.add(word);
  }
  return [...names].sort((a, b) => b.length - a.length).map(escape);
}

function humanOnlyKind(match: RegExpExecArray): BlameKind {
  if (/made\s+an?\s/i.test(match[0])) return 'possessive';
  return /careless|negligent|sloppy|reckless|lazy|messed|screwed/i.test(match[0]) ? 'judgement' : 'omission';
}

interface Pattern {
  regex: RegExp;
  kind: BlameKind | ((match: RegExpExecArray) => BlameKind);
  /** Skipped when a negation precedes it in the sentence. */
  negatable?: boolean;
}

/**
 * A pattern whose subject is a person: `@handle`, a role, a pronoun, or one of the post-mortem's own names.
 * Compiling a regex with the names costs milliseconds (its role and verb alternatives, case-insensitive),
 * and every post-mortem has other names: it is only compiled for a text where a name stands before the
 * pattern's tail. Anywhere else the names alternative (the last one) never matches, so the static
 * regex, compiled once, finds exactly the same matches.
 */
interface PersonPattern {
  kind: Pattern['kind'];
  /** What follows the person: `'s mistake`, ` simply forgot`. */
  tail: string;
  /** The pattern without names (`gi`), and its tail alone, for testing whether a tail starts at an index (`iy`). */
  withoutNames: RegExp;
  tailAt: RegExp;
}

const STATIC_PERSON = `@[\\w.-]*\\w|\\b${ROLE}s?\\b|\\b${PRONOUN}\\b`;

function personPattern(tail: string, kind: Pattern['kind']): PersonPattern {
  // A person ends with a letter, so a tail (which opens with `\s+` or `'s`) never starts after a space:
  // saying so keeps the search linear (otherwise each space of a long run re-scans the rest of it).
  const anchored = `(?<=[^\\s])${tail}`;
  return { kind, tail: anchored, withoutNames: new RegExp(`(?:${STATIC_PERSON})${anchored}`, 'gi'), tailAt: new RegExp(anchored, 'iy') };
}

// The verb alternatives are the only capturing groups: the one that matched says which kind of blame it is.
const verbKind = (match: RegExpExecArray) => VERB[match.slice(1).findIndex((group) => group !== undefined)]!.kind;
const POSSESSIVE = personPattern(`(?:'s|’s)\\s+${BLAMEWORTHY}\\b`, 'possessive');
const PERSON_VERB = personPattern(`${ADVERB}\\s+(?:${VERB.map((verb) => `(${verb.pattern})`).join('|')})`, verbKind);

const BEFORE: Pattern[] = [
  { regex: /\b(?:human|operator)[\s-]+error\b/gi, kind: 'human-error', negatable: true },
  { regex: /\bnegligen(?:t|ce)\b/gi, kind: 'judgement', negatable: true },
  { regex: /\bcareless(?:ly|ness)?\b|\b(?:be|been)\s+more\s+careful\b/gi, kind: 'judgement', negatable: true },
  { regex: /(?<!\bgit\s)\bblam(?:e|ed|es|ing)\b(?!-free|less)/gi, kind: 'blame', negatable: true },
];
// A capitalised name not known to be a person: only possessive mistakes, never "error" (`Stripe's error responses`).
const CAPITALISED_POSSESSIVE: Pattern = { regex: new RegExp(`${CAPITALISED_NAME}(?:'s|’s)\\s+(?:mistake|fault|oversight|carelessness|negligence|blunder)\\b`, 'g'), kind: 'possessive' };
const CAPITALISED_VERB: Pattern = { regex: new RegExp(`${CAPITALISED_NAME}${ADVERB}\\s+${HUMAN_ONLY_VERB}`, 'g'), kind: humanOnlyKind };

/** The names of one post-mortem as regexes: each alone, and the full person patterns once needed. */
interface NameMatchers {
  names: string[];
  /** Each name alone, as a word (`gi`). */
  each: RegExp[];
  full: Map<PersonPattern, RegExp>;
}

// findBlame is called for one post-mortem's text and then its blocks, with the same people: one entry is enough.
let lastNames: NameMatchers | null = null;

function nameMatchers(people: People): NameMatchers {
  const names = nameAlternatives(people);
  if (lastNames && lastNames.names.join('|') === names.join('|')) return lastNames;
  lastNames = { names, each: names.map((name) => new RegExp(`\\b(?:${name})\\b`, 'gi')), full: new Map() };
  return lastNames;
}

/**
 * Whether some name stands right before a start of the pattern's tail in `text`: only then can the names alternative match.
 * Searched from the names, which a text holds a few times, not from the tail, which has no literal start and
 * was tried at every character (most of the rule's time on a file that mentions blame).
 */
function nameBeforeTail(text: string, pattern: PersonPattern, matchers: NameMatchers): boolean {
  const { tailAt } = pattern;
  for (const name of matchers.each) {
    name.lastIndex = 0;
    // Every index where the name matches (not only disjoint matches): a name may start inside an earlier match of itself.
    for (let found = name.exec(text); found; name.lastIndex = found.index + 1, found = name.exec(text)) {
      tailAt.lastIndex = found.index + found[0].length;
      if (tailAt.test(text)) return true;
    }
  }
  return false;
}

function resolve(pattern: PersonPattern, text: string, matchers: NameMatchers, always: boolean): Pattern {
  if (!matchers.names.length || (!always && !nameBeforeTail(text, pattern, matchers))) return { regex: pattern.withoutNames, kind: pattern.kind };
  let regex = matchers.full.get(pattern);
  if (!regex) {
    regex = new RegExp(`(?:${STATIC_PERSON}|\\b(?:${matchers.names.join('|')})\\b)${pattern.tail}`, 'gi');
    matchers.full.set(pattern, regex);
  }
  return { regex, kind: pattern.kind };
}

function patternsFor(text: string, people: People, always: boolean): Pattern[] {
  const matchers = nameMatchers(people);
  return [...BEFORE, resolve(POSSESSIVE, text, matchers, always), CAPITALISED_POSSESSIVE, resolve(PERSON_VERB, text, matchers, always), CAPITALISED_VERB];
}

/** How far back a negation may stand ("no one here is to blame"); bounded so a long text costs linear time. */
const NEGATION_WINDOW = 80;

/** The start of the sentence that holds `index`, looking back at most {@link NEGATION_WINDOW} characters. */
function sentenceStart(text: string, index: number): number {
  const limit = Math.max(0, index - NEGATION_WINDOW);
  for (let at = index - 1; at >= limit; at -= 1) {
    const char = text[at]!;
    if (char === '\n' && text[at - 1] === '\n') return at + 1;
    if ((char === '.' || char === '!' || char === '?' || char === ';' || char === ':') && /\s/.test(text[at + 1] ?? ' ')) return at + 1;
  }
  return limit;
}

/**
 * Every blaming phrase in `text`, in order, overlapping matches merged (the first wins).
 * `compileNames: 'always'` uses the regexes with the names for every text (the slow reference the tests compare with).
 */
export function findBlame(text: string, people: People = { names: [] }, options: { compileNames?: 'when-needed' | 'always' } = {}): BlameMatch[] {
  if (!BLAME_TRIGGER.test(text)) return [];
  const found: BlameMatch[] = [];
  for (const pattern of patternsFor(text, people, options.compileNames === 'always')) {
    pattern.regex.lastIndex = 0;
    for (let match = pattern.regex.exec(text); match; match = pattern.regex.exec(text)) {
      if (pattern.negatable && NEGATION.test(text.slice(sentenceStart(text, match.index), match.index))) continue;
      const kind = typeof pattern.kind === 'function' ? pattern.kind(match) : pattern.kind;
      found.push({ kind, index: match.index, length: match[0].length, quote: match[0].replace(/\s+/g, ' ') });
    }
  }
  found.sort((a, b) => a.index - b.index);
  const kept: BlameMatch[] = [];
  let end = -1;
  for (const match of found) {
    if (match.index < end) continue;
    kept.push(match);
    end = match.index + match.length;
  }
  return kept;
}
