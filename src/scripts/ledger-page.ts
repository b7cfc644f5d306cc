/**
 * The action-items pages, enhanced. The static pages list the ledger in
 * pages, marked against the build date. On first use of the filters (focus,
 * pointer, a change), when the URL asks for a view, or when the reader's
 * today is not the build date, this fetches the whole
 * ledger once (ledger.json), then filters, sorts and pages every item with
 * the core's rules, re-marks rows and figures against the reader's today,
 * and keeps the view in the URL (filters, sort, page) so a link reproduces it.
 * Every rule comes from the core; this file only reads and writes the DOM.
 */
import { localIsoDate } from '../lib/postmortem/dates.ts';
import {
  LEDGER_SORTS,
  ledgerCounts,
  ledgerFacets,
  ownerKey,
  ownerSummaries,
  selectLedgerItems,
  STATUS_FILTERS,
  type LedgerFilters,
  type LedgerSort,
  type StatusFilter,
} from '../lib/postmortem/ledger/ledger-rules.ts';
import { unpackLedger, type PackedLedger, type UnpackedItem } from '../lib/postmortem/ledger/packed-ledger.ts';
import { SEVERITY_IDS, type SeverityId } from '../lib/postmortem/model/severity.ts';
import { formatDate } from '../lib/site/format.ts';
import { ledgerRow, ownerRow } from '../lib/site/ledger/ledger-rows.ts';
import { ledgerPageUrl } from '../lib/site/ledger/ledger-urls.ts';
import { pageLinkLabel, pageLinks, PAGE_LINK_TEXT } from '../lib/site/pagination.ts';

/** What the URL holds; defaults are left out of it. */
interface LedgerState {
  filters: LedgerFilters;
  sort: LedgerSort;
  /** 1-based page of the selected items. */
  page: number;
}

const DEFAULT_STATUS: StatusFilter = 'all';
const DEFAULT_SORT: LedgerSort = 'due';
/** Query parameters that describe a view; a URL with any of them is rendered from the data at once. */
const STATE_PARAMS = ['status', 'owner', 'severity', 'service', 'sort', 'page'];

/** The page's parts the script reads and writes. */
interface LedgerView {
  root: HTMLElement;
  form: HTMLFormElement;
  tbody: HTMLTableSectionElement;
  pager: HTMLElement;
  badges: DocumentFragment;
  pageSize: number;
  today: string;
}

/** Wires the page if it is an action-items page; does nothing elsewhere. */
export function initLedger(): void {
  const root = document.querySelector<HTMLElement>('[data-ledger]');
  const tbody = root?.querySelector<HTMLTableSectionElement>('[data-ledger-table] tbody');
  const form = root?.querySelector<HTMLFormElement>('[data-ledger-filters]');
  const pager = root?.querySelector<HTMLElement>('[data-pager]');
  const badges = root?.querySelector<HTMLTemplateElement>('template[data-ledger-badges]')?.content;
  if (!root || !tbody || !form || !pager || !badges) return;
  const view: LedgerView = { root, form, tbody, pager, badges, pageSize: Number(root.dataset.pageSize) || 100, today: localIsoDate() };

  let loading: Promise<UnpackedItem[]> | undefined;
  const load = () => (loading ??= fetchLedger(root.dataset.ledgerData!).then((items) => {
    fillMenus(form, items);
    markToday(view, items);
    return items;
  }));
  const render = (state: LedgerState) => load().then((items) => {
    writeForm(form, state);
    showItems(view, items, state);
  }).catch((error: unknown) => showError(view, error));
  const go = (state: LedgerState) => {
    history.pushState(history.state, '', urlFor(state));
    void render(state);
  };

  writeForm(form, stateOfLocation());
  form.hidden = false;
  // A view named in the URL, or a page marked on another day than the reader's (overdue and the figures would be stale), needs the data now.
  const asked = STATE_PARAMS.some((name) => new URLSearchParams(location.search).has(name));
  if (asked || root.dataset.buildDate !== view.today) void render(stateOfLocation());

  // Fetch on first sign of use, so the menus are filled by the time they open.
  for (const type of ['focusin', 'pointerenter', 'pointerdown']) form.addEventListener(type, () => void load().catch((error: unknown) => showError(view, error)), { once: true });
  form.addEventListener('change', () => go({ ...formState(form), page: 1 }));
  // Filters apply as they change; a submission (Enter) would be blocked by the CSP's form-action 'none' anyway.
  form.addEventListener('submit', (event) => event.preventDefault());
  form.addEventListener('reset', (event) => {
    event.preventDefault();
    go({ filters: { status: DEFAULT_STATUS }, sort: DEFAULT_SORT, page: 1 });
  });
  pager.addEventListener('click', (event) => {
    const link = (event.target as Element).closest<HTMLAnchorElement>('a[data-page]');
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    go({ ...formState(form), page: Number(link.dataset.page) });
    root.querySelector('#items')?.scrollIntoView();
  });
  window.addEventListener('popstate', () => void render(stateOfLocation()));
  addSortButtons(root, form);
}

async function fetchLedger(address: string): Promise<UnpackedItem[]> {
  const response = await fetch(address);
  if (!response.ok) throw new Error(`${address}: HTTP ${response.status}`);
  return unpackLedger((await response.json()) as PackedLedger);
}

/** Says so when the data cannot be had; the static page stays as it was. */
function showError(view: LedgerView, error: unknown): void {
  console.error(error);
  setText(view.root, '[data-ledger-result]', 'Filters are unavailable: the ledger data could not be loaded. The pages below list every item.');
}

/** The owner and service menus, from every item in the archive. */
function fillMenus(form: HTMLFormElement, items: readonly UnpackedItem[]): void {
  const facets = ledgerFacets(items);
  for (const [name, values] of [['owner', facets.owners], ['service', facets.services]] as const) {
    const select = form.elements.namedItem(name) as HTMLSelectElement | null;
    select?.append(...values.map((value) => new Option(value, value)));
  }
}

/** Headline figures, the owner table and the "as of" sentence, recomputed over the whole archive as of the reader's today. */
function markToday(view: LedgerView, items: readonly UnpackedItem[]): void {
  const { root, today } = view;
  const counts = ledgerCounts(items, today);
  for (const [key, value] of Object.entries(counts)) setText(root, `.counts [data-count="${key}"]`, value);
  root.querySelector('[data-count-card="overdue"]')?.classList.toggle('is-alert', counts.overdue > 0);

  const ownerBody = root.querySelector<HTMLTableSectionElement>('[data-owner-table] tbody');
  if (ownerBody) {
    const shown = ownerBody.rows.length;
    const summaries = ownerSummaries(items, today);
    ownerBody.replaceChildren(...summaries.slice(0, shown).map(ownerRow));
    setText(root, '[data-owner-rest]', summaries.length - shown);
  }

  const asOf = root.querySelector('[data-ledger-asof]');
  const built = root.dataset.buildDate;
  if (asOf && built) {
    asOf.textContent = `Overdue is measured against today, ${formatDate(today)}${built === today ? '.' : ` (the site was built on ${formatDate(built)}).`}`;
  }
}

/** One page of the selected items, the result sentence, the pager and the sort marks. */
function showItems(view: LedgerView, items: readonly UnpackedItem[], state: LedgerState): void {
  const { root, tbody, pageSize, today } = view;
  const selected = selectLedgerItems(items, state.filters, state.sort, today);
  const last = Math.max(1, Math.ceil(selected.length / pageSize));
  const page = Math.min(Math.max(1, state.page), last);
  const start = (page - 1) * pageSize;
  const shown = selected.slice(start, start + pageSize);
  tbody.replaceChildren(...shown.map((item) => ledgerRow(item, today, view.badges)));

  const range = `Items ${start + 1}–${start + shown.length}`;
  setText(
    root,
    '[data-ledger-result]',
    selected.length === 0
      ? `No action items match these filters (of ${items.length}).`
      : selected.length === items.length
        ? `${range} of ${items.length} (page ${page} of ${last}).`
        : `${selected.length} of ${items.length} action items match. ${range} (page ${page} of ${last}).`,
  );
  const empty = root.querySelector<HTMLElement>('[data-ledger-empty]');
  if (empty) empty.hidden = selected.length > 0;
  drawPager(view.pager, { ...state, page }, last);
  for (const header of root.querySelectorAll<HTMLElement>('th[data-sort-column]')) {
    if (state.sort.startsWith(`${header.dataset.sortColumn}`)) header.setAttribute('aria-sort', state.sort.endsWith('-desc') ? 'descending' : 'ascending');
    else header.removeAttribute('aria-sort');
  }
}

/** The pager as components/Pagination.astro draws it, linking to this view's pages. */
function drawPager(pager: HTMLElement, state: LedgerState, last: number): void {
  const list = document.createElement('ul');
  list.className = 'pager__list';
  for (const link of pageLinks(state.page, last)) {
    const item = document.createElement('li');
    item.className = `pager__item pager__item--${link.kind}`;
    if (link.kind === 'gap') {
      const gap = document.createElement('span');
      gap.setAttribute('aria-hidden', 'true');
      gap.textContent = '…';
      item.append(gap);
    } else {
      const anchor = document.createElement('a');
      anchor.href = urlFor({ ...state, page: link.page });
      anchor.dataset.page = String(link.page);
      anchor.setAttribute('aria-label', pageLinkLabel(link));
      anchor.textContent = link.kind === 'page' ? String(link.page) : PAGE_LINK_TEXT[link.kind];
      if (link.kind === 'page' && link.current) anchor.setAttribute('aria-current', 'page');
      item.append(anchor);
    }
    list.append(item);
  }
  pager.replaceChildren(list);
}

/** What a first click on a header sorts by: the most useful direction (soonest due, oldest item). */
const FIRST_SORT = { due: 'due', age: 'age-desc' } as const satisfies Record<string, LedgerSort>;

/** Turns the Due and Age headers into buttons: the first click sorts by the column, the next flips the direction. */
function addSortButtons(root: HTMLElement, form: HTMLFormElement): void {
  for (const header of root.querySelectorAll<HTMLElement>('th[data-sort-column]')) {
    const column = header.dataset.sortColumn as 'due' | 'age';
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = header.textContent;
    button.title = `Sort by ${column === 'due' ? 'due date' : 'age'}`;
    header.replaceChildren(button);
    button.addEventListener('click', () => {
      const select = form.elements.namedItem('sort') as HTMLSelectElement;
      const first = FIRST_SORT[column];
      const flipped = first.endsWith('-desc') ? column : `${column}-desc`;
      select.value = select.value === first ? flipped : first;
      form.dispatchEvent(new Event('change'));
    });
  }
}

/** The view the address asks for: query parameters, and the page from a static page's path (`/action-items/page/3/`). */
function stateOfLocation(): LedgerState {
  const params = new URLSearchParams(location.search);
  if (!params.has('page')) params.set('page', /\/page\/(\d+)\/?$/.exec(location.pathname)?.[1] ?? '1');
  return readState(params);
}

/** The state a query string asks for; unknown values fall back to the defaults. */
function readState(params: URLSearchParams): LedgerState {
  const status = params.get('status') as StatusFilter | null;
  const sort = params.get('sort') as LedgerSort | null;
  const severity = params.get('severity')?.toUpperCase() as SeverityId | undefined;
  const page = Number(params.get('page'));
  return {
    filters: {
      status: status && STATUS_FILTERS.includes(status) ? status : DEFAULT_STATUS,
      owner: params.get('owner') || undefined,
      severity: severity && SEVERITY_IDS.includes(severity) ? severity : undefined,
      service: params.get('service') || undefined,
    },
    sort: sort && LEDGER_SORTS.includes(sort) ? sort : DEFAULT_SORT,
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

function formState(form: HTMLFormElement): LedgerState {
  const params = new URLSearchParams();
  for (const [key, value] of new FormData(form)) params.set(key, String(value));
  return readState(params);
}

function writeForm(form: HTMLFormElement, { filters, sort }: LedgerState): void {
  const values: Record<string, string> = { status: filters.status ?? DEFAULT_STATUS, owner: filters.owner ?? '', severity: filters.severity ?? '', service: filters.service ?? '', sort };
  for (const [name, value] of Object.entries(values)) {
    const select = form.elements.namedItem(name) as HTMLSelectElement | null;
    if (!select) continue;
    // An owner typed into the URL in another case or without `@` still selects its option.
    const option = [...select.options].find((candidate) => (name === 'owner' ? ownerKey(candidate.value) === ownerKey(value) : candidate.value === value));
    select.value = option ? option.value : '';
  }
}

/**
 * The address of a view: the static page itself when nothing is filtered or
 * re-sorted (so those links work without the script too), else page 1's
 * address with the non-default state as query parameters.
 */
function urlFor({ filters, sort, page }: LedgerState): string {
  const params = new URLSearchParams();
  if (filters.status && filters.status !== DEFAULT_STATUS) params.set('status', filters.status);
  if (filters.owner) params.set('owner', filters.owner);
  if (filters.severity) params.set('severity', filters.severity);
  if (filters.service) params.set('service', filters.service);
  if (sort !== DEFAULT_SORT) params.set('sort', sort);
  if (params.size === 0) return ledgerPageUrl(page);
  if (page > 1) params.set('page', String(page));
  return `${ledgerPageUrl(1)}?${params.toString()}`;
}

/** Sets a text only when it differs. */
function setText(scope: ParentNode, selector: string, value: string | number): void {
  const element = scope.querySelector(selector);
  if (element && element.textContent !== String(value)) element.textContent = String(value);
}
