/**
 * The incident list's search and filters. The page already lists every
 * post-mortem; while a search or a filter is active, the list shows only the
 * best {@link PAGE} matching rows (more on request), moved to the top in
 * order and highlighted, and hides the rest with one class on the list, so
 * a keystroke touches the rows it changes, not all of them. The search data
 * loads on the first interaction with the search box (or when the URL
 * already holds a query), never with the first paint.
 */
import type { SearchData, TicketData } from '../lib/postmortem/search-options.ts';
import { countFacets, FACET_KEYS, matchesFilters, type FacetValues, type Filters } from '../lib/site/facets.ts';
import { highlightRanges, snippet, type Range } from '../lib/site/highlight.ts';
import { readListState, writeListState, type ListState } from '../lib/site/list-state.ts';
import { createIncidentSearch, withTickets, type IncidentSearch } from '../lib/site/search-engine.ts';

/** Wide screens show the filters open beside the list; phones keep them folded above it. */
const WIDE = '(min-width: 60rem)';
/** Lines of "matched in root cause / action item / …" under a result. */
const MATCH_LINES = 2;
/** Pause in typing after which the query is written to the URL. */
const TYPING_PAUSE_MS = 350;
/** Rows shown at once while searching or filtering; "Show more" adds as many again. */
const PAGE = 50;

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
  const more = root.querySelector<HTMLButtonElement>('[data-show-more]')!;
  const lead = document.querySelector<HTMLElement>('[data-list-lead]')!;
  const rows = [...list.children] as HTMLElement[];
  const total = rows.length;
  const all = rows.map((_, index) => index);
  let facetValues: FacetValues[] | undefined;
  /** Each row's facet values, read once, on first use (not with the first paint). */
  const items = () => (facetValues ??= rows.map((row) => JSON.parse(row.dataset.facets ?? '{}') as FacetValues));

  let state: ListState = readListState(new URLSearchParams(location.search));
  let data: Promise<SearchData> | null = null;
  let plainSearch: Promise<IncidentSearch> | null = null;
  let ticketSearch: Promise<IncidentSearch> | null = null;
  let renderToken = 0;
  let typing = false;
  let typingTimer: number | undefined;
  /** How many of the matching rows to show; back to {@link PAGE} whenever the question changes. */
  let limit = PAGE;
  /** Rows shown now, in order; rows moved from their place in the list; rows carrying highlights, with the query they show. */
  let shown: number[] = [];
  const moved = new Set<number>();
  const decorated = new Map<number, string>();
  const texts = new Map<number, RowText>();

  const fetchJson = <T,>(address: string): Promise<T> =>
    fetch(address).then((response) => {
      if (!response.ok) throw new Error(`${address} answered ${response.status}`);
      return response.json() as Promise<T>;
    });
  /** Fetches the search data once; later calls share the same promise. */
  const loadData = (): Promise<SearchData> =>
    (data ??= fetchJson<SearchData>(root.dataset.searchUrl!).then((loaded) => {
      if (loaded.count !== total) throw new Error('Search data is out of date; reload the page.');
      return loaded;
    }));
  /**
   * The search engine, indexed once. A query with a digit (`OPS-1676`) also
   * needs the ticket ids, which ship in a file of their own: once they are
   * loaded, every later query uses the engine that has them.
   */
  const loadSearch = (query = ''): Promise<IncidentSearch> => {
    if (ticketSearch || /\p{N}/u.test(query)) {
      return (ticketSearch ??= Promise.all([loadData(), fetchJson<TicketData>(root.dataset.ticketsUrl!)]).then(([loaded, tickets]) =>
        createIncidentSearch(withTickets(loaded, tickets)),
      ));
    }
    return (plainSearch ??= loadData().then(createIncidentSearch));
  };
  const forgetSearch = () => {
    data = plainSearch = ticketSearch = null;
  };

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

  /** The original title and summary of a row, kept before the first highlight. */
  const textOf = (index: number): RowText => {
    let text = texts.get(index);
    if (!text) {
      const row = rows[index]!;
      text = {
        title: row.querySelector('[data-search-field="title"]')?.textContent ?? '',
        summary: row.querySelector('[data-search-field="summary"]')?.textContent ?? '',
      };
      texts.set(index, text);
    }
    return text;
  };

  /** Puts every moved row back in its place (each right after its predecessor, in list order) and shows them all. */
  const restore = () => {
    list.classList.remove('is-filtered');
    for (const index of shown) rows[index]!.classList.remove('is-shown');
    shown = [];
    for (const [index] of decorated) highlightRow(rows[index]!, textOf(index), '', null);
    decorated.clear();
    for (const index of [...moved].sort((a, b) => a - b)) {
      if (index === 0) list.prepend(rows[0]!);
      else rows[index - 1]!.after(rows[index]!);
    }
    moved.clear();
  };

  /** Shows exactly `next`, in order, at the top of the list; only rows whose place or visibility changes are touched. */
  const showRows = (next: number[], engine: IncidentSearch | null) => {
    list.classList.add('is-filtered');
    const keep = new Set(next);
    for (const index of shown) if (!keep.has(index)) rows[index]!.classList.remove('is-shown');
    let cursor = list.firstElementChild;
    for (const index of next) {
      const row = rows[index]!;
      if (row === cursor) cursor = cursor.nextElementSibling;
      else {
        list.insertBefore(row, cursor);
        moved.add(index);
      }
      row.classList.add('is-shown');
    }
    // Highlights: only on rows shown, and only where the query they show changed.
    for (const [index] of decorated) {
      if (keep.has(index)) continue;
      highlightRow(rows[index]!, textOf(index), '', null);
      decorated.delete(index);
    }
    for (const index of next) {
      if ((decorated.get(index) ?? '') === state.q) continue;
      highlightRow(rows[index]!, textOf(index), state.q, engine && state.q ? engine : null, index);
      if (state.q) decorated.set(index, state.q);
      else decorated.delete(index);
    }
    shown = next;
  };

  const render = async () => {
    const token = ++renderToken;
    let order = all;
    let complete = total;
    let engine: IncidentSearch | null = null;
    if (state.q) {
      try {
        engine = await loadSearch(state.q);
      } catch (error) {
        forgetSearch();
        counter.textContent = `Search is unavailable: ${(error as Error).message}`;
        return;
      }
      if (token !== renderToken) return;
      const result = engine.search(state.q);
      order = result?.hits ?? all;
      complete = result?.complete ?? total;
    }
    const active = state.q !== '' || Object.keys(state.filters).length > 0;
    const values = items();
    const filtered = Object.keys(state.filters).length > 0;
    const visible = filtered ? order.filter((index) => matchesFilters(values[index]!, state.filters)) : order;
    // Hits matching every word come first: count how many of those the filters keep.
    const completeVisible = filtered ? order.slice(0, complete).filter((index) => matchesFilters(values[index]!, state.filters)).length : Math.min(complete, visible.length);
    if (active) showRows(visible.slice(0, limit), engine);
    else restore();
    const rest = active ? visible.length - Math.min(limit, visible.length) : 0;
    more.hidden = rest === 0;
    if (rest) setText(more, `Show ${Math.min(PAGE, rest)} more (${rest} not shown)`);
    updateCounts(form, countFacets(order.map((index) => values[index]!), state.filters));
    setText(counter, countText(active, visible.length, completeVisible, total));
    setText(lead, leadText(state, visible.length, total));
    empty.hidden = visible.length > 0;
    setText(empty.querySelector<HTMLElement>('[data-empty-what]')!, describe(state));
  };

  more.addEventListener('click', () => {
    limit += PAGE;
    void render();
  });
  input.addEventListener('focus', () => void loadSearch().catch(forgetSearch), { once: true });
  input.addEventListener('input', () => {
    state = { ...state, q: input.value.trim() };
    limit = PAGE;
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
    limit = PAGE;
    writeUrl(true);
    void render();
  });
  form.addEventListener('submit', (event) => event.preventDefault());
  const clear = (keepQuery: boolean) => {
    typing = false;
    state = { q: keepQuery ? state.q : '', filters: {} };
    limit = PAGE;
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
    limit = PAGE;
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
  keepFiltersInView(root.querySelector<HTMLElement>('[data-filters-box]')!);
  syncControls();
  if (state.q || Object.keys(state.filters).length) void render();
}

/**
 * The filters stay beside the list while it scrolls only when they fit the
 * window whole: a sticky box taller than the window would hide its last
 * groups (and "Clear filters") below the fold, out of reach.
 */
function keepFiltersInView(box: HTMLElement): void {
  const fit = () => box.classList.toggle('is-sticky', box.offsetHeight <= window.innerHeight - 32);
  new ResizeObserver(fit).observe(box);
  window.addEventListener('resize', fit);
  fit();
}

function isEditable(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

/** Writes each option's count and dims options that would show nothing. */
function updateCounts(form: HTMLFormElement, counts: ReturnType<typeof countFacets>): void {
  for (const span of form.querySelectorAll<HTMLElement>('[data-count]')) {
    const [key, ...rest] = span.dataset.count!.split(':') as [keyof typeof counts, ...string[]];
    const count = counts[key]?.[rest.join(':')] ?? 0;
    setText(span, String(count));
    span.closest('label')?.classList.toggle('is-empty', count === 0);
  }
}

const noun = (count: number) => `${count} post-mortem${count === 1 ? '' : 's'}`;

/** The result count: how many match, and how many of those match only some of the words. */
function countText(active: boolean, shown: number, complete: number, total: number): string {
  if (!active) return noun(total);
  if (complete === shown) return `${shown} of ${noun(total)}`;
  if (complete === 0) return `No post-mortem matches every word; ${shown} match some of them`;
  return `${complete} of ${noun(total)} match every word; ${shown - complete} more match some of them`;
}

/** The sentence under the page title: the archive at rest, or what the list shows now. */
function leadText(state: ListState, shown: number, total: number): string {
  if (!state.q && !Object.keys(state.filters).length) return `${noun(total)}, newest first.`;
  return `${shown} of ${noun(total)} match, ${state.q ? 'best match first' : 'newest first'}.`;
}

/** “redis” with SEV-1, service auth — the empty state's description of what was asked. */
function describe(state: ListState): string {
  const parts = FACET_KEYS.flatMap((key) => (state.filters[key]?.length ? [`${key} ${state.filters[key]!.join(' or ')}`] : []));
  const query = state.q ? `“${state.q}”` : '';
  if (!parts.length) return query || 'these filters';
  return `${query}${query ? ' with ' : ''}${parts.join(', ')}`;
}

/** Sets an element's text only when it differs, so unchanged parts of the page cause no DOM work. */
function setText(element: HTMLElement, text: string): void {
  if (element.textContent !== text) element.textContent = text;
}

interface RowText {
  title: string;
  summary: string;
}

/**
 * Marks what matched: words in the title and summary in place, other fields
 * that hold a query word as lines below (at most {@link MATCH_LINES}). An
 * empty query puts the row back as it was.
 */
function highlightRow(row: HTMLElement, text: RowText, query: string, engine: IncidentSearch | null, index = -1): void {
  const title = row.querySelector<HTMLElement>('[data-search-field="title"]');
  const summary = row.querySelector<HTMLElement>('[data-search-field="summary"]');
  title?.replaceChildren(...marked(text.title, query ? highlightRanges(text.title, query) : []));
  summary?.replaceChildren(...marked(text.summary, query ? highlightRanges(text.summary, query) : []));
  const lines: HTMLElement[] = [];
  for (const field of engine ? engine.fields(index) : []) {
    if (field.key === 'title' || field.key === 'summary') continue;
    for (const value of field.values) {
      if (lines.length === MATCH_LINES) break;
      const ranges = highlightRanges(value, query);
      if (!ranges.length) continue;
      const part = snippet(value, ranges);
      const line = document.createElement('span');
      line.className = 'match-line';
      line.append(`${field.label}: `, ...marked(part.text, part.ranges));
      lines.push(line);
    }
  }
  const box = row.querySelector<HTMLElement>('[data-search-matches]');
  if (box) {
    box.replaceChildren(...lines.flatMap((line, at) => (at ? [document.createElement('br'), line] : [line])));
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
