/**
 * The action-items page, enhanced: re-marks overdue rows and recounts the
 * figures against the reader's today (the site may be days old), then
 * filters and sorts the table with state kept in the URL. Every rule comes
 * from the core module; this file only reads and writes the DOM.
 */
import {
  ageInDays,
  compareLedgerItems,
  daysOverdue,
  isOverdue,
  LEDGER_SORTS,
  ledgerCounts,
  matchesFilters,
  ownerKey,
  ownerSummaries,
  STATUS_FILTERS,
  type LedgerFilters,
  type LedgerRow,
  type LedgerSort,
  type StatusFilter,
} from '../lib/postmortem/ledger/ledger-rules.ts';
import { localIsoDate } from '../lib/postmortem/dates.ts';
import { SEVERITY_IDS, type SeverityId } from '../lib/postmortem/severity.ts';
import { formatDate } from '../lib/site/format.ts';

/** What the URL holds; defaults are left out of it. */
interface LedgerState {
  filters: LedgerFilters;
  sort: LedgerSort;
}

const DEFAULT_STATUS: StatusFilter = 'all';
const DEFAULT_SORT: LedgerSort = 'due';

interface Row {
  element: HTMLTableRowElement;
  data: LedgerRow;
}

/** Wires the page if it is the action-items page; does nothing elsewhere. */
export function initLedger(): void {
  const root = document.querySelector<HTMLElement>('[data-ledger]');
  const tbody = root?.querySelector<HTMLTableSectionElement>('[data-ledger-table] tbody');
  const form = root?.querySelector<HTMLFormElement>('[data-ledger-filters]');
  if (!root || !tbody || !form) return;
  const rows: Row[] = [...tbody.rows].map((element) => ({ element, data: JSON.parse(element.dataset.ledgerItem!) as LedgerRow }));

  const today = localIsoDate();
  markToday(root, rows, today);

  const apply = (state: LedgerState) => {
    showRows(root, tbody, rows, state, today);
    writeForm(form, state);
  };
  // Through the form and back, so a URL naming an owner or service that is not in the ledger shows everything instead of nothing.
  writeForm(form, readState(new URLSearchParams(location.search)));
  let state = formState(form);
  apply(state);
  form.hidden = false;

  form.addEventListener('change', () => {
    state = formState(form);
    history.replaceState(history.state, '', urlFor(state));
    apply(state);
  });
  // Filters apply as they change; a submission (Enter) would be blocked by the CSP's form-action 'none' anyway.
  form.addEventListener('submit', (event) => event.preventDefault());
  form.addEventListener('reset', (event) => {
    event.preventDefault();
    state = readState(new URLSearchParams());
    history.replaceState(history.state, '', urlFor(state));
    apply(state);
  });
  addSortButtons(root, form);
}

/** Overdue flags, ages, headline figures and the owner table, as of the reader's today. */
function markToday(root: HTMLElement, rows: Row[], today: string): void {
  for (const { element, data } of rows) {
    const overdue = isOverdue(data, today);
    element.classList.toggle('is-overdue', overdue);
    const flag = element.querySelector<HTMLElement>('[data-overdue-flag]');
    if (flag && flag.hidden === overdue) flag.hidden = !overdue;
    setText(element, '[data-overdue-days]', daysOverdue(data, today));
    setText(element, '[data-age]', ageInDays(data, today));
  }
  const items = rows.map((row) => row.data);
  const counts = ledgerCounts(items, today);
  for (const [key, value] of Object.entries(counts)) setText(root, `.counts [data-count="${key}"]`, value);
  root.querySelector('[data-count-card="overdue"]')?.classList.toggle('is-alert', counts.overdue > 0);

  const ownerBody = root.querySelector<HTMLTableSectionElement>('[data-owner-table] tbody');
  if (ownerBody) {
    const ownerRows = new Map([...ownerBody.rows].map((row) => [ownerKey(row.dataset.owner ?? ''), row]));
    for (const summary of ownerSummaries(items, today)) {
      const row = ownerRows.get(ownerKey(summary.owner));
      if (!row) continue;
      for (const key of ['open', 'overdue', 'dueSoon', 'doneRecently'] as const) setText(row, `[data-count="${key}"]`, summary[key]);
      row.classList.toggle('is-overdue', summary.overdue > 0);
      ownerBody.append(row);
    }
  }

  const asOf = root.querySelector('[data-ledger-asof]');
  const built = root.dataset.buildDate;
  if (asOf && built) {
    asOf.textContent = `Overdue is measured against today, ${formatDate(today)}${built === today ? '.' : ` (the site was built on ${formatDate(built)}).`}`;
  }
}

function showRows(root: HTMLElement, tbody: HTMLTableSectionElement, rows: Row[], state: LedgerState, today: string): void {
  const compare = compareLedgerItems(state.sort);
  const sorted = [...rows].sort((a, b) => compare(a.data, b.data));
  // Moving thousands of rows makes the browser lay the table out again: only move them when the order changed.
  const reorder = sorted.some((row, index) => tbody.rows[index] !== row.element);
  let shown = 0;
  for (const row of sorted) {
    const visible = matchesFilters(row.data, state.filters, today);
    if (row.element.hidden === visible) row.element.hidden = !visible;
    if (visible) shown++;
    if (reorder) tbody.append(row.element);
  }
  const result = root.querySelector('[data-ledger-result]');
  if (result) result.textContent = shown === rows.length ? `Showing all ${rows.length} action items.` : `Showing ${shown} of ${rows.length} action items.`;
  const empty = root.querySelector<HTMLElement>('[data-ledger-empty]');
  if (empty) empty.hidden = shown > 0;
  for (const header of root.querySelectorAll<HTMLElement>('th[data-sort-column]')) {
    const column = header.dataset.sortColumn;
    if (state.sort.startsWith(`${column}`)) header.setAttribute('aria-sort', ariaSort(state.sort));
    else header.removeAttribute('aria-sort');
  }
}

/** `-desc` orders are descending in the column's values (latest due, greatest age). */
function ariaSort(sort: LedgerSort): 'ascending' | 'descending' {
  return sort.endsWith('-desc') ? 'descending' : 'ascending';
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

/** The state a query string asks for; unknown values fall back to the defaults. */
function readState(params: URLSearchParams): LedgerState {
  const status = params.get('status') as StatusFilter | null;
  const sort = params.get('sort') as LedgerSort | null;
  const severity = params.get('severity')?.toUpperCase() as SeverityId | undefined;
  return {
    filters: {
      status: status && STATUS_FILTERS.includes(status) ? status : DEFAULT_STATUS,
      owner: params.get('owner') || undefined,
      severity: severity && SEVERITY_IDS.includes(severity) ? severity : undefined,
      service: params.get('service') || undefined,
    },
    sort: sort && LEDGER_SORTS.includes(sort) ? sort : DEFAULT_SORT,
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

/** This page's URL with the non-default state as query parameters. */
function urlFor({ filters, sort }: LedgerState): string {
  const params = new URLSearchParams();
  if (filters.status && filters.status !== DEFAULT_STATUS) params.set('status', filters.status);
  if (filters.owner) params.set('owner', filters.owner);
  if (filters.severity) params.set('severity', filters.severity);
  if (filters.service) params.set('service', filters.service);
  if (sort !== DEFAULT_SORT) params.set('sort', sort);
  const query = params.toString();
  return `${location.pathname}${query ? `?${query}` : ''}${location.hash}`;
}

/** Sets a text only when it differs: rewriting thousands of equal texts would still restyle the page. */
function setText(scope: ParentNode, selector: string, value: string | number): void {
  const element = scope.querySelector(selector);
  if (element && element.textContent !== String(value)) element.textContent = String(value);
}
