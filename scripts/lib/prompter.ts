/**
 * The questions a CLI asks, behind an interface so tests can answer them
 * without a terminal. The real implementation is @clack/prompts, loaded only
 * when a person is actually asked something.
 */

export interface TextQuestion {
  message: string;
  /**
   * Grey example text shown in an empty field. It is never the answer (Enter
   * on an empty field answers ''), so write it as an example: `e.g. api, postgres`.
   * A real default goes in `initialValue`, which the person can edit.
   */
  placeholder?: string;
  initialValue?: string;
  /** Returns a message when the answer is not acceptable. */
  validate?: (value: string) => string | undefined;
}

export interface SelectQuestion<Value extends string> {
  message: string;
  options: { value: Value; label: string; hint?: string }[];
  initialValue?: Value;
}

/** Asks a person. Every method rejects with {@link PromptCancelled} when they cancel (Ctrl-C, Esc). */
export interface Prompter {
  text(question: TextQuestion): Promise<string>;
  confirm(question: { message: string; initialValue?: boolean }): Promise<boolean>;
  select<Value extends string>(question: SelectQuestion<Value>): Promise<Value>;
  /** Shows information without asking anything. */
  note(message: string, title?: string): void;
}

/** The person cancelled a prompt. */
export class PromptCancelled extends Error {
  constructor() {
    super('Cancelled: nothing was written.');
  }
}

/** A Prompter on @clack/prompts, for a real terminal. */
export async function clackPrompter(): Promise<Prompter> {
  const clack = await import('@clack/prompts');
  const answered = <T>(value: T | symbol): T => {
    if (clack.isCancel(value)) throw new PromptCancelled();
    return value as T;
  };
  return {
    // clack answers `undefined`, and validates `undefined`, when Enter is pressed on an empty field: both are ''.
    text: async ({ validate, ...question }) =>
      answered(await clack.text({ ...question, validate: validate && ((value) => validate(value ?? '')) })) ?? '',
    confirm: async (question) => answered(await clack.confirm(question)),
    select: async <Value extends string>(question: SelectQuestion<Value>) =>
      answered(await clack.select<Value>(question as Parameters<typeof clack.select<Value>>[0])) as Value,
    note: (message, title) => clack.note(message, title),
  };
}
