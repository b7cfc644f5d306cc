/**
 * The incident list's search, filters, sorting and paging over the whole
 * archive. Without JavaScript (or before any interaction) the page is one
 * static page of the list; once the reader searches, filters or sorts, the
 * results come from Pagefind (loaded on first use, never with the first
 * paint) and replace the static list, paged here, the view kept in the URL.
 */
import { FACET_KEYS, type Filters } from '../../lib/site/facets.ts';
import { effectiveSort, incidentListUrl, readListState, writeListState, type ListState } from '../../lib/site/list-state.ts';
import type { Correction } from '../../lib/search/correct.ts';
import { facetTableLoader, findAll, pagefindLoader, searchWords, type FacetCounts, type Finding, type Found, type Shown } from './pagefind-client.ts';
import { latestOnly } from './latest-only.ts';
import { resultCard } from './result-card.ts';
import { browserCorrector } from './spelling.ts';
import { countText, describe, leadText, pendingCountText, setText, updateCounts } from './texts.ts';

/** Wide screens show the filters open beside the list; phones keep them folded above it. */
const WIDE = '(min-width: 60rem)';
/** Pause in typing after which the query is written to the URL. */
const TYPING_PAUSE_MS = 350;

/** The elements the list's script reads and writes. */
interface ListView {
  root: HTMLElement;
  input: HTMLInputElement;
  form: HTMLFormElement;
  sort: HTMLSelectElement;
  staticList: HTMLElement;
  searchView: HTMLElement;
  results: HTMLElement;
  template: HTMLTemplateElement | null;
  counter: HTMLElement;
  lead: HTMLElement;
  empty: HTMLElement;
  prev: HTMLButtonElement;
  next: HTMLButtonElement;
  where: HTMLElement;
  correction: HTMLElement;
  /** The results' region (the search box's `aria-controls`), busy while partial matches may still follow. */
  region: HTMLElement;
}

function viewOf(root: HTMLElement): ListView {
  const get = <T extends Element>(selector: string) => root.querySelector<T>(selector)!;
  return {
    root,
    input: get('[data-search-input]'),
    form: get('[data-filter-form]'),
    sort: get('[data-sort]'),
    staticList: get('[data-static-list]'),
    searchView: get('[data-search-view]'),
    results: get('[data-search-results]'),
    template: root.querySelector('[data-card-template]'),
    counter: get('[data-result-count]'),
    lead: document.querySelector<HTMLElement>('[data-list-lead]')!,
    empty: get('[data-empty]'),
    prev: get('[data-search-prev]'),
    next: get('[data-search-next]'),
    where: get('[data-search-where]'),
    correction: get('[data-correction]'),
    region: get('#results-region'),
  };
}

/** Wires the incident list on this page, if there is one. */
export function initIncidentList(): void {
  const root = document.querySelector<HTMLElement>('[data-incident-list]');
  if (!root) return;
  const view = viewOf(root);
  const search = searchService(root);
  const filtersPanel = root.querySelector<HTMLDetailsElement>('[data-filters]')!;
  // The facet counts are asked only where they can be seen: the filters open, or one chosen (docs/PERFORMANCE.md, issue 26).
  const countsSeen = (asked: ListState) => filtersPanel.open || Object.keys(asked.filters).length > 0;
  let countsMissing = false;
  const initial = { lead: view.lead.textContent ?? '', counter: view.counter.textContent ?? '', counts: readCounts(view.form) };
  const total = Number(root.dataset.total);
  // Set by the page (IncidentListPage.astro): the list's page size, at most what one query should fetch.
  const perPage = Number(root.dataset.pageSize) || 10;
  let state = readListState(new URLSearchParams(location.search));
  // Words typed while the page was still loading, before this script listened: searched, not wiped by the URL's (empty) query.
  const typedEarly = view.input.value.trim();
  if (typedEarly && typedEarly !== state.q) {
    state = { ...state, q: typedEarly, page: undefined, verbatim: undefined };
    writeUrl(state, false);
  }

  /**
   * Draws one stage of an answer (findAll): `more` when partial matches may still follow, which the status says and
   * `aria-busy` marks; `kept`, the result ids the first stage drew, whose cards a settled answer extending them keeps.
   * `timed`: the stage the page's `search: fragments` and `search: draw` measures are of. Answers the ids drawn,
   * or null when a newer state made the drawing moot.
   */
  const show = async (asked: ListState, found: Found, correction: Correction, { more, kept, timed }: { more: boolean; kept: readonly string[]; timed: boolean }, stale: () => boolean): Promise<string[] | null> => {
    const searched = performance.now();
    const pages = Math.max(1, Math.ceil(found.results.length / perPage));
    const page = Math.min(asked.page ?? 1, pages);
    const shown = found.results.slice((page - 1) * perPage, page * perPage);
    const fragments = await Promise.all(shown.map((result) => result.data()));
    if (stale()) return null;
    const fetched = performance.now();
    const ids = shown.map((result) => result.id);
    const keep = kept.length > 0 && kept.every((id, k) => ids[k] === id) ? kept.length : 0;
    const first = (page - 1) * perPage + keep;
    const cards = view.template ? fragments.slice(keep).map((fragment, k) => resultCard(view.template!, fragment, correction.query, first + k >= found.complete)) : [];
    if (keep) view.results.append(...cards);
    else view.results.replaceChildren(...cards);
    setHidden(view.staticList, true);
    setHidden(view.searchView, found.results.length === 0);
    showPages(view, page, pages);
    updateCounts(view.form, found.counts);
    countsMissing = found.counts === null;
    setText(view.counter, more ? pendingCountText(found.complete, total) : countText(found.results.length, found.complete, total));
    setBusy(view.region, more);
    showCorrection(view, asked, correction);
    setText(view.lead, leadText(asked, found.results.length, total));
    setHidden(view.empty, found.results.length > 0);
    setText(view.empty.querySelector<HTMLElement>('[data-empty-what]')!, describe(asked));
    // Each stage's time, for a devtools trace or the bench: the results' fragments, then drawing them.
    if (timed) {
      performance.measure('search: fragments', { start: searched, end: fetched });
      performance.measure('search: draw', { start: fetched });
    }
    return ids;
  };

  /** Draws the current state, the full matches first when they can be told early; a newer state asked for meanwhile makes this one's remaining work moot. */
  const draw = async (stale: () => boolean) => {
    if (!isActive({ ...state, q: searchWords(state.q).join(' ') })) {
      setHidden(view.staticList, false);
      setHidden(view.searchView, true);
      setHidden(view.empty, true);
      setHidden(view.correction, true);
      setBusy(view.region, false);
      setText(view.lead, initial.lead);
      setText(view.counter, initial.counter);
      updateCounts(view.form, initial.counts);
      countsMissing = false;
      return;
    }
    const asked = state;
    const started = performance.now();
    try {
      const outcome = await search.find(asked, { from: ((asked.page ?? 1) - 1) * perPage, to: (asked.page ?? 1) * perPage, stale }, countsSeen(asked));
      const first = await outcome.first;
      if (stale()) return;
      let drawn: string[] = [];
      if (first && ((asked.page ?? 1) - 1) * perPage < first.results.length) {
        performance.measure('search: find', { start: started });
        drawn = (await show(asked, first, outcome.correction, { more: true, kept: [], timed: true }, stale)) ?? [];
        if (stale()) return;
      }
      const partial = performance.now();
      const settled = await outcome.settled;
      if (stale()) return;
      if (!drawn.length) performance.measure('search: find', { start: started });
      if ((await show(asked, settled, outcome.correction, { more: false, kept: drawn, timed: !drawn.length }, stale)) === null) return;
      // After a first draw: the time the partial matches took to follow it.
      if (drawn.length) performance.measure('search: partial matches', { start: partial });
    } catch (error) {
      if (stale()) return;
      setBusy(view.region, false);
      setText(view.counter, `Search is unavailable: ${(error as Error).message}`);
    }
  };
  const render = latestOnly(draw);

  const update = (next: ListState, history: 'push' | 'replace' | 'none') => {
    state = next;
    if (history !== 'none') writeUrl(state, history === 'push');
    render();
  };
  wireControls(view, () => state, update, () => search.warm(countsSeen(state)));
  syncControls(view, state);
  if (matchMedia(WIDE).matches || Object.keys(state.filters).length) filtersPanel.open = true;
  // Opened over results drawn without counts: drawn again, with them.
  filtersPanel.addEventListener('toggle', () => filtersPanel.open && countsMissing && render());
  keepFiltersInView(root.querySelector<HTMLElement>('[data-filters-box]')!);
  window.addEventListener('popstate', () => {
    state = readListState(new URLSearchParams(location.search));
    syncControls(view, state);
    render();
  });
  if (isActive(state)) render();
}

/** Pagefind and the spelling corrector, each loaded once on first use; the last answer kept, so paging does not search again. */
function searchService(root: HTMLElement) {
  const loadPagefind = pagefindLoader(root.dataset.pagefindUrl!);
  const loadFacets = facetTableLoader(root.dataset.facetsUrl!);
  const speller = browserCorrector({ vocabularyUrl: root.dataset.vocabularyUrl!, knownUrl: root.dataset.knownUrl!, englishUrl: root.dataset.englishUrl! });
  let last: { key: string; answer: Promise<Outcome> } | null = null;
  return {
    /**
     * Starts loading Pagefind, and the facet table when its counts will be seen (on focus or a first filter), so
     * the first keystroke waits less. The corrector's files depend on the words typed (spelling.ts), so they wait.
     */
    warm(withCounts: boolean): void {
      loadPagefind().catch(() => undefined);
      if (withCounts) loadFacets().catch(() => undefined);
    },
    /** `withCounts`: whether the facet counts are asked for too (the answer's `counts` is null without). */
    find(state: ListState, shown: Shown, withCounts: boolean): Promise<Outcome> {
      const key = `${writeListState({ ...state, page: undefined })}${withCounts ? '' : '#no-counts'}`;
      if (last?.key !== key) {
        const answer = (async () => {
          const asked = performance.now();
          const correction = state.q && !state.verbatim ? await speller.correct(state.q) : { query: state.q, changes: [] };
          // The corrector's share of `search: find` (its first files' load included).
          performance.measure('search: correct', { start: asked });
          const [pagefind, facets] = await Promise.all([loadPagefind(), withCounts ? loadFacets() : null]);
          return { ...findAll({ pagefind, facets }, state, correction.query, shown, speller.holds(searchWords(correction.query))), correction };
        })();
        answer.then((outcome) => outcome.settled).catch(() => last?.key === key && (last = null));
        last = { key, answer };
      }
      return last.answer;
    },
  };
}

/** What a search finds, in its two stages, and what spelling correction changed in the query first. */
interface Outcome extends Finding {
  correction: Correction;
}

/** Listens to the search box, the filters, the sort and the result pages. */
function wireControls(view: ListView, current: () => ListState, update: (next: ListState, history: 'push' | 'replace' | 'none') => void, warm: () => void): void {
  let typing = false;
  let typingTimer: number | undefined;
  view.input.addEventListener('focus', warm, { once: true });
  view.form.addEventListener('focusin', warm, { once: true });
  view.input.addEventListener('input', () => {
    const { verbatim: _, ...rest } = current();
    update({ ...rest, q: view.input.value.trim(), page: undefined }, 'none');
    // A query orders by best match unless the reader chose an order: the sort box says so as the order changes.
    view.sort.value = effectiveSort(current());
    window.clearTimeout(typingTimer);
    typingTimer = window.setTimeout(() => {
      // The first pause of a typing session adds a history entry; later pauses refine it.
      writeUrl(current(), !typing);
      typing = true;
    }, TYPING_PAUSE_MS);
  });
  view.input.addEventListener('blur', () => (typing = false));
  view.form.addEventListener('change', () => update({ ...current(), filters: filtersFromForm(view.form), page: undefined }, 'push'));
  view.form.addEventListener('submit', (event) => event.preventDefault());
  view.sort.addEventListener('change', () => update({ ...current(), sort: view.sort.value as ListState['sort'], page: undefined }, 'push'));
  const goTo = (delta: number) => {
    update({ ...current(), page: Math.max(1, (current().page ?? 1) + delta) }, 'push');
    document.getElementById('results')?.focus();
  };
  view.prev.addEventListener('click', () => goTo(-1));
  view.next.addEventListener('click', () => goTo(1));
  const clear = (keepQuery: boolean) => {
    const next: ListState = { q: keepQuery ? current().q : '', filters: {} };
    syncControls(view, next);
    update(next, 'push');
  };
  view.root.querySelector('[data-clear]')!.addEventListener('click', () => clear(true));
  view.root.querySelector('[data-clear-all]')!.addEventListener('click', () => {
    clear(false);
    view.input.focus();
  });
  document.addEventListener('keydown', (event) => {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || isEditable(event.target)) return;
    event.preventDefault();
    view.input.focus();
    view.input.select();
  });
}

/**
 * "Searched for “certificate” — search for “certficate” instead": shown when
 * spelling correction changed the query; the link searches the words as typed.
 */
function showCorrection(view: ListView, state: ListState, correction: Correction): void {
  setHidden(view.correction, !correction.changes.length);
  if (!correction.changes.length) return;
  setText(view.correction.querySelector<HTMLElement>('[data-correction-searched]')!, correction.query);
  setText(view.correction.querySelector<HTMLElement>('[data-correction-typed]')!, state.q);
  view.correction.querySelector<HTMLAnchorElement>('[data-correction-link]')!.href = incidentListUrl({ ...state, page: undefined, verbatim: true });
}

/** Whether the state asks for more than the static page shows. */
function isActive(state: ListState): boolean {
  return state.q !== '' || Object.keys(state.filters).length > 0 || (state.sort !== undefined && state.sort !== effectiveSort({ q: state.q, filters: {} })) || (state.page ?? 1) > 1;
}

function writeUrl(state: ListState, push: boolean): void {
  const query = writeListState(state);
  const next = `${location.pathname}${query ? `?${query}` : ''}${location.hash}`;
  if (next === `${location.pathname}${location.search}${location.hash}`) return;
  history[push ? 'pushState' : 'replaceState'](null, '', next);
}

function syncControls(view: ListView, state: ListState): void {
  view.input.value = state.q;
  view.sort.value = effectiveSort(state);
  for (const box of view.form.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) {
    box.checked = state.filters[box.name as keyof Filters]?.includes(box.value) ?? false;
  }
}

function filtersFromForm(form: HTMLFormElement): Filters {
  const filters: Filters = {};
  for (const key of FACET_KEYS) {
    const values = [...form.querySelectorAll<HTMLInputElement>(`input[name="${key}"]:checked`)].map((box) => box.value);
    if (values.length) filters[key] = values;
  }
  return filters;
}

/** The build-time counts, to put back when the reader clears everything. */
function readCounts(form: HTMLFormElement): FacetCounts {
  const counts = Object.fromEntries(FACET_KEYS.map((key) => [key, {} as Record<string, number>])) as FacetCounts;
  for (const span of form.querySelectorAll<HTMLElement>('[data-count]')) {
    const [key, ...rest] = span.dataset.count!.split(':') as [keyof FacetCounts, ...string[]];
    counts[key][rest.join(':')] = Number(span.textContent);
  }
  return counts;
}

function showPages(view: ListView, page: number, pages: number): void {
  setHidden(view.prev, page <= 1);
  setHidden(view.next, page >= pages);
  setText(view.where, pages > 1 ? `Page ${page} of ${pages}` : '');
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

/** Marks an element busy or not, touching the DOM only when that changes anything. */
function setBusy(element: HTMLElement, busy: boolean): void {
  if (element.hasAttribute('aria-busy') === busy) return;
  if (busy) element.setAttribute('aria-busy', 'true');
  else element.removeAttribute('aria-busy');
}

/** Shows or hides an element, touching the DOM only when that changes anything. */
function setHidden(element: HTMLElement, hidden: boolean): void {
  if (element.hidden !== hidden) element.hidden = hidden;
}

function isEditable(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}
