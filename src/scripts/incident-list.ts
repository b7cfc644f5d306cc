/**
 * The incident list's search and filters. The page already lists every
 * post-mortem; this shows, hides, reorders and highlights those rows. Fuse
 * and the prebuilt index load on the first interaction with the search box
 * (or when the URL already holds a query), never with the first paint.
 */
import type { FuseResult, FuseResultMatch } from 'fuse.js';
import { countFacets, FACET_KEYS, matchesFilters, type FacetValues, type Filters } from '../lib/site/facets.ts';
import { highlightRanges, snippet, type Range } from '../lib/site/highlight.ts';
import { readListState, writeListState, type ListState } from '../lib/site/list-state.ts';
import { FUSE_OPTIONS, SEARCH_KEYS, type SearchData, type SearchRecord } from '../lib/postmortem/search-options.ts';

type Search = (query: string) => FuseResult<unknown>[];

/** Wide screens show the filters open beside the list; phones keep them folded above it. */
const WIDE = '(min-width: 60rem)';
/** Lines of "matched in root cause / action item / …" under a result. */
const MATCH_LINES = 2;
/** Pause in typing after which the query is written to the URL. */
const TYPING_PAUSE_MS = 350;

/** Wires the incident list on this page, if there is one. */
export function initIncidentList(): void {
  const root = document.querySelector<HTMLElement>('[data-incident-list]');
  if (!root) return;
  const input = root.querySelector<HTMLInputElement>('[data-search-input]')!;
  const form = root.querySelector<HTMLFormElement>('[data-filter-form]')!;
  const details = root.querySelector<HTMLDetailsElement>('[data-filters]')!;
  const list = root.querySelector<HTMLElement>('[data-results]')!;
  const counter = root.querySelector<HTMLElement>('[data-result-count]')!;
  const empty = root.querySelector<HTMLElement>('[data-empty]')!;
  const rows = [...list.children] as HTMLElement[];
  const items = rows.map((row) => JSON.parse(row.dataset.facets ?? '{}') as FacetValues);
  const original = rows.map((row) => ({
    title: row.querySelector('[data-search-field="title"]')?.textContent ?? '',
    summary: row.querySelector('[data-search-field="summary"]')?.textContent ?? '',
  }));
  const total = rows.length;

  let state: ListState = readListState(new URLSearchParams(location.search));
  let search: Promise<Search> | null = null;
  let renderToken = 0;
  let typing = false;
  let typingTimer: number | undefined;

  /** Fetches Fuse and the index once; later calls share the same promise. */
  const loadSearch = (): Promise<Search> =>
    (search ??= Promise.all([import('fuse.js'), fetch(root.dataset.searchUrl!).then((response) => response.json() as Promise<SearchData>)]).then(
      ([{ default: Fuse }, data]) => {
        if (data.count !== total) throw new Error('Search data is out of date; reload the page.');
        // Result positions are list positions: the records' text lives in the index.
        const docs = Array.from({ length: data.count }, () => ({}) as SearchRecord);
        const fuse = new Fuse(docs, FUSE_OPTIONS, Fuse.parseIndex(data.index as Parameters<typeof Fuse.parseIndex>[0]));
        return (query: string) => fuse.search(query);
      },
    ));

  const syncControls = () => {
    input.value = state.q;
    for (const box of form.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) {
      box.checked = state.filters[box.name as keyof Filters]?.includes(box.value) ?? false;
    }
  };

  const filtersFromForm = (): Filters => {
    const filters: Filters = {};
    for (const key of FACET_KEYS) {
      const values = [...form.querySelectorAll<HTMLInputElement>(`input[name="${key}"]:checked`)].map((box) => box.value);
      if (values.length) filters[key] = values;
    }
    return filters;
  };

  const writeUrl = (push: boolean) => {
    const query = writeListState(state);
    const next = `${location.pathname}${query ? `?${query}` : ''}${location.hash}`;
    if (next === `${location.pathname}${location.search}${location.hash}`) return;
    history[push ? 'pushState' : 'replaceState'](null, '', next);
  };

  const render = async () => {
    const token = ++renderToken;
    let order = rows.map((_, index) => index);
    const matches = new Map<number, readonly FuseResultMatch[]>();
    if (state.q) {
      let results: FuseResult<unknown>[];
      try {
        results = (await loadSearch())(state.q);
      } catch (error) {
        search = null;
        counter.textContent = `Search is unavailable: ${(error as Error).message}`;
        return;
      }
      if (token !== renderToken) return;
      order = results.map((result) => result.refIndex);
      for (const result of results) matches.set(result.refIndex, result.matches ?? []);
    }
    const visible = order.filter((index) => matchesFilters(items[index]!, state.filters));
    const shown = new Set(visible);
    rows.forEach((row, index) => {
      row.hidden = !shown.has(index);
      highlightRow(row, original[index]!, matches.get(index) ?? [], state.q);
    });
    list.append(...visible.map((index) => rows[index]!), ...rows.filter((_, index) => !shown.has(index)));
    updateCounts(form, countFacets(order.map((index) => items[index]!), state.filters));
    const filtered = state.q !== '' || Object.keys(state.filters).length > 0;
    counter.textContent = filtered ? `${visible.length} of ${total} post-mortems` : `${total} post-mortems`;
    empty.hidden = visible.length > 0;
    empty.querySelector('[data-empty-what]')!.textContent = describe(state);
  };

  input.addEventListener('focus', () => void loadSearch().catch(() => (search = null)), { once: true });
  input.addEventListener('input', () => {
    state = { ...state, q: input.value.trim() };
    void render();
    window.clearTimeout(typingTimer);
    typingTimer = window.setTimeout(() => {
      // The first pause of a typing session adds a history entry; later pauses refine it.
      writeUrl(!typing);
      typing = true;
    }, TYPING_PAUSE_MS);
  });
  input.addEventListener('blur', () => (typing = false));
  form.addEventListener('change', () => {
    typing = false;
    state = { ...state, filters: filtersFromForm() };
    writeUrl(true);
    void render();
  });
  form.addEventListener('submit', (event) => event.preventDefault());
  const clear = (keepQuery: boolean) => {
    typing = false;
    state = { q: keepQuery ? state.q : '', filters: {} };
    syncControls();
    writeUrl(true);
    void render();
  };
  root.querySelector('[data-clear]')!.addEventListener('click', () => clear(true));
  root.querySelector('[data-clear-all]')!.addEventListener('click', () => {
    clear(false);
    input.focus();
  });
  window.addEventListener('popstate', () => {
    typing = false;
    state = readListState(new URLSearchParams(location.search));
    syncControls();
    void render();
  });
  document.addEventListener('keydown', (event) => {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || isEditable(event.target)) return;
    event.preventDefault();
    input.focus();
    input.select();
  });

  if (matchMedia(WIDE).matches || Object.keys(state.filters).length) details.open = true;
  syncControls();
  if (state.q || Object.keys(state.filters).length) void render();
}

function isEditable(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

/** Writes each option's count and dims options that would show nothing. */
function updateCounts(form: HTMLFormElement, counts: ReturnType<typeof countFacets>): void {
  for (const span of form.querySelectorAll<HTMLElement>('[data-count]')) {
    const [key, ...rest] = span.dataset.count!.split(':') as [keyof typeof counts, ...string[]];
    const count = counts[key]?.[rest.join(':')] ?? 0;
    span.textContent = String(count);
    span.closest('label')?.classList.toggle('is-empty', count === 0);
  }
}

/** “redis” with SEV-1, service auth — the empty state's description of what was asked. */
function describe(state: ListState): string {
  const parts = FACET_KEYS.flatMap((key) => (state.filters[key]?.length ? [`${key} ${state.filters[key]!.join(' or ')}`] : []));
  const query = state.q ? `“${state.q}”` : '';
  if (!parts.length) return query || 'these filters';
  return `${query}${query ? ' with ' : ''}${parts.join(', ')}`;
}

/** Marks what matched: words in the title and summary in place, other matched fields as lines below (at most {@link MATCH_LINES}). */
function highlightRow(row: HTMLElement, text: { title: string; summary: string }, matches: readonly FuseResultMatch[], query: string): void {
  const title = row.querySelector<HTMLElement>('[data-search-field="title"]');
  const summary = row.querySelector<HTMLElement>('[data-search-field="summary"]');
  title?.replaceChildren(...marked(text.title, query ? highlightRanges(text.title, query) : []));
  summary?.replaceChildren(...marked(text.summary, query ? highlightRanges(text.summary, query) : []));
  const lines: HTMLElement[] = [];
  for (const match of matches) {
    if (lines.length === MATCH_LINES || !match.value || match.key === 'title' || match.key === 'summary') continue;
    const ranges = highlightRanges(match.value, query);
    if (!ranges.length) continue;
    const part = snippet(match.value, ranges);
    const line = document.createElement('span');
    line.className = 'match-line';
    line.append(`${SEARCH_KEYS.find((key) => key.name === match.key)?.label ?? 'Match'}: `, ...marked(part.text, part.ranges));
    lines.push(line);
  }
  const box = row.querySelector<HTMLElement>('[data-search-matches]');
  if (box) {
    box.replaceChildren(...lines.flatMap((line, index) => (index ? [document.createElement('br'), line] : [line])));
    box.hidden = lines.length === 0;
  }
}

/** Text with `<mark>` around each range. */
function marked(value: string, ranges: readonly Range[]): Node[] {
  const nodes: Node[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start > at) nodes.push(document.createTextNode(value.slice(at, start)));
    const mark = document.createElement('mark');
    mark.textContent = value.slice(start, end);
    nodes.push(mark);
    at = end;
  }
  if (at < value.length) nodes.push(document.createTextNode(value.slice(at)));
  return nodes;
}
