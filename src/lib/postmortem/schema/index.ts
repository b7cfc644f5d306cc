export * from './action-item.ts';
export * from './category-field.ts';
export * from './date-fields.ts';
export * from './frontmatter-schema.ts';
export * from './link.ts';
export * from './severity-field.ts';
export * from './tenant-share.ts';
export * from './timeline-event.ts';
