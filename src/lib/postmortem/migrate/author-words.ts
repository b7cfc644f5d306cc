/** Words as the no-word-lost promise counts them: runs of letters or digits, in any case. */
export const wordsOf = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
