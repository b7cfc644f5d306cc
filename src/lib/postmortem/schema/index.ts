export * from './action-item.ts';
export * from './category.ts';
export * from './dates.ts';
export * from './frontmatter.ts';
export * from './link.ts';
export * from './severity.ts';
export * from './tenant-share.ts';
export * from './timeline-event.ts';
