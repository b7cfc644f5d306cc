/** Every rule, in the order their problems are listed for a file. */
import { actionItemDue } from './action-item-due.ts';
import { actionItemOwner } from './action-item-owner.ts';
import { actionItemStatus } from './action-item-status.ts';
import { actionItemTicket } from './action-item-ticket.ts';
import { actionItemsTable } from './action-items-table.ts';
import { blamelessLanguage } from './blameless-language.ts';
import { bracketDensity } from './bracket-density.ts';
import { calendarDate } from './calendar-date.ts';
import { categoryKnown } from './category-known.ts';
import { dateRange } from './date-range.ts';
import { duplicateSlug } from './duplicate-slug.ts';
import { spellingVariants } from './spelling-variants.ts';
import { fieldSize } from './field-size.ts';
import { fileDate } from './file-date.ts';
import { fileEncoding } from './file-encoding.ts';
import { fileName } from './file-name.ts';
import { fileRegular } from './file-regular.ts';
import { fileSize } from './file-size.ts';
import { fiveWhys } from './five-whys.ts';
import { frontmatterMissing } from './frontmatter-missing.ts';
import { frontmatterNotMap } from './frontmatter-not-map.ts';
import { frontmatterReader } from './frontmatter-reader.ts';
import { frontmatterUnclosed } from './frontmatter-unclosed.ts';
import { frontmatterYaml } from './frontmatter-yaml.ts';
import { imageAsset } from './image-asset.ts';
import { invisibleCharacters } from './invisible-characters.ts';
import { listsRequired } from './lists-required.ts';
import { mdxTrust } from './mdx-trust.ts';
import { recurrenceOf } from './recurrence-of.ts';
import { nestingDepth } from './nesting-depth.ts';
import { placeholders } from './placeholders.ts';
import { proposedValues } from './proposed-values.ts';
import { schema } from './schema.ts';
import { sectionsMissing } from './sections-missing.ts';
import { sectionsOrder } from './sections-order.ts';
import { tableSize } from './table-size.ts';
import { timelineOrder } from './timeline-order.ts';
import { timelineTable } from './timeline-table.ts';
import { timelineTime } from './timeline-time.ts';
import { timestampsDate } from './timestamps-date.ts';
import { timestampsOrder } from './timestamps-order.ts';
import { timestampsRequired } from './timestamps-required.ts';
import { timestampsSpan } from './timestamps-span.ts';
import { unsafeHtml } from './unsafe-html.ts';
import type { ArchiveRule, Rule } from './types.ts';

export type { ArchiveEntry, ArchiveRule, Finding, Level, Problem, Rule } from './types.ts';

export const FILE_RULES: readonly Rule[] = [
  fileRegular,
  fileSize,
  fileEncoding,
  frontmatterMissing,
  frontmatterUnclosed,
  frontmatterReader,
  frontmatterYaml,
  frontmatterNotMap,
  schema,
  fieldSize,
  invisibleCharacters,
  calendarDate,
  dateRange,
  fileName,
  fileDate,
  timestampsRequired,
  listsRequired,
  categoryKnown,
  timestampsDate,
  timestampsOrder,
  timestampsSpan,
  sectionsMissing,
  sectionsOrder,
  timelineTable,
  timelineTime,
  timelineOrder,
  fiveWhys,
  actionItemsTable,
  actionItemOwner,
  actionItemDue,
  actionItemStatus,
  tableSize,
  nestingDepth,
  bracketDensity,
  actionItemTicket,
  placeholders,
  unsafeHtml,
  mdxTrust,
  imageAsset,
  proposedValues,
  blamelessLanguage,
];

export const ARCHIVE_RULES: readonly ArchiveRule[] = [duplicateSlug, recurrenceOf, spellingVariants];
