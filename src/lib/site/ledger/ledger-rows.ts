/**
 * Draws ledger rows and owner rows in the browser, cell for cell as
 * LedgerTable.astro and OwnerTable.astro draw them at build time, when the
 * page script shows filtered results or re-marks against the reader's today.
 * Badges are cloned from the page's `<template data-ledger-badges>` so their
 * markup and styles stay the components' own.
 */
import { ageInDays, daysOverdue, isOverdue, type OwnerSummary } from '../../postmortem/ledger/ledger-rules.ts';
import type { UnpackedItem } from '../../postmortem/ledger/packed-ledger.ts';
import { formatDate } from '../format.ts';
import { incidentUrl } from '../urls.ts';

/** Builds elements with a class, attributes and children in one call. */
function el(tag: string, attributes: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.append(...children);
  return element;
}

function timeOf(date: string): HTMLElement {
  return el('time', { datetime: date }, formatDate(date));
}

/** A status or severity badge cloned from the page's badge template, found by its text. */
function badge(templates: DocumentFragment, kind: 'status' | 'sev', text: string): Node {
  const found = [...templates.querySelectorAll(`.badge--${kind}`)].find((candidate) => candidate.textContent?.trim() === text);
  return found ? found.cloneNode(true) : document.createTextNode(text);
}

/** One ledger row as LedgerTable.astro renders it, marked against `today`. */
export function ledgerRow(item: UnpackedItem, today: string, templates: DocumentFragment): HTMLTableRowElement {
  const overdue = isOverdue(item, today);
  const flag = el('span', { class: 'overdue-flag', 'data-overdue-flag': '' }, 'Overdue by ', el('span', { 'data-overdue-days': '' }, String(daysOverdue(item, today))), ' d');
  flag.hidden = !overdue;
  const ticket = item.ticket?.url
    ? el('a', { href: item.ticket.url }, item.ticket.text)
    : item.ticket
      ? item.ticket.text
      : el('span', { class: 'muted' }, el('span', { 'aria-hidden': 'true' }, '—'), el('span', { class: 'visually-hidden' }, 'No ticket'));
  const row = el(
    'tr',
    { class: overdue ? 'items__row is-overdue' : 'items__row' },
    el('td', { class: 'items__action', 'data-label': 'Action' }, item.action),
    el('td', { class: 'items__owner', 'data-label': 'Owner' }, item.owner),
    el('td', { class: 'items__due', 'data-label': 'Due' }, el('div', {}, item.due ? timeOf(item.due) : el('span', { class: 'muted' }, 'No due date'), flag)),
    el('td', { class: 'items__status', 'data-label': 'Status' }, el('div', {}, badge(templates, 'status', item.status), ...(item.closed ? [el('span', { class: 'items__closed' }, 'on ', timeOf(item.closed))] : []))),
    el(
      'td',
      { class: 'items__pm', 'data-label': 'Post-mortem' },
      el('div', {}, el('a', { href: incidentUrl(item.slug) }, item.title), el('span', { class: 'items__pm-meta' }, badge(templates, 'sev', item.severity), ' ', timeOf(item.date))),
    ),
    el('td', { class: 'items__ticket', 'data-label': 'Ticket' }, ticket),
    el('td', { class: 'items__age', 'data-label': 'Age' }, el('span', {}, el('span', { 'data-age': '' }, String(ageInDays(item, today))), ' d')),
  );
  return row as HTMLTableRowElement;
}

/** One owner row as OwnerTable.astro renders it. */
export function ownerRow(summary: OwnerSummary): HTMLTableRowElement {
  const count = (key: 'open' | 'overdue' | 'dueSoon' | 'doneRecently' | 'total') => el('td', { class: 'num', 'data-count': key }, String(summary[key]));
  const row = el('tr', {}, el('th', { scope: 'row' }, summary.owner), count('open'), count('overdue'), count('dueSoon'), count('doneRecently'), count('total'));
  row.classList.toggle('is-overdue', summary.overdue > 0);
  return row as HTMLTableRowElement;
}
