/**
 * Standard input for the MCP server with a bound on one message. The SDK's
 * stdio transport gathers a message by concatenating every chunk to all that
 * came before (quadratic: a 64 MB argument kept the server busy for minutes)
 * and holds all of it; no tool needs more than the file-size limit, a few
 * times over once escaped in JSON. A line over {@link MAX_MESSAGE_BYTES} is
 * dropped as it streams in, keeping only its tail to find the request's id,
 * and answered at once with a JSON-RPC error naming the limit.
 */
import { Transform, type TransformCallback } from 'node:stream';

/** The largest message read: 128 KiB of text, escaped in JSON (up to 6 bytes a character), with room to spare. */
export const MAX_MESSAGE_BYTES = 2 * 1024 * 1024;
const TAIL_BYTES = 512;

/** Where the id of a request sits: before the params (outside any nested object), or last, after them (as the SDK's client writes it). */
const LEADING_ID = /^\s*\{[^{]*?"id"\s*:\s*(-?\d+|"(?:[^"\\]|\\.)*")/;
const TRAILING_ID = /"id"\s*:\s*(-?\d+|"(?:[^"\\]|\\.)*")\s*}\s*$/;

/** A pass-through of `input` that drops oversized lines; `reply` receives the error for each. */
export function boundedMessages(reply: (line: string) => void, limit = MAX_MESSAGE_BYTES): Transform {
  let lineBytes = 0;
  let dropping = false;
  let tail = '';
  let head = '';
  let pendingHead = '';
  return new Transform({
    transform(chunk: Buffer, _encoding, done: TransformCallback) {
      let start = 0;
      const kept: Buffer[] = [];
      while (start < chunk.length) {
        const newline = chunk.indexOf(0x0a, start);
        const end = newline === -1 ? chunk.length : newline + 1;
        const piece = chunk.subarray(start, end);
        if (!dropping && lineBytes + piece.length > limit) {
          dropping = true;
          tail = '';
          head = '';
          if (lineBytes === 0) pendingHead = '';
          // The start of the line already went through: end it, so the SDK drops it as unparseable instead of joining it to the next.
          if (lineBytes > 0) kept.push(Buffer.from('\n'));
        }
        if (dropping) {
          if (head.length < TAIL_BYTES) head += piece.subarray(0, TAIL_BYTES).toString('latin1');
          tail = (tail + piece.toString('latin1')).slice(-TAIL_BYTES);
          if (newline !== -1) {
            const id = (LEADING_ID.exec(pendingHead + head) ?? TRAILING_ID.exec(tail.trimEnd()))?.[1];
            pendingHead = '';
            if (id !== undefined) {
              reply(`${JSON.stringify({ jsonrpc: '2.0', id: JSON.parse(id), error: { code: -32600, message: `The request is over ${limit / 1024 / 1024} MB, more than any tool reads: a post-mortem's text is at most the file-size limit (128 KiB by default).` } })}\n`);
            }
            dropping = false;
          }
        } else {
          kept.push(piece);
          // The line's start, in case the line turns out too long: the id may be there.
          if (lineBytes < TAIL_BYTES) pendingHead = (lineBytes === 0 ? '' : pendingHead) + piece.subarray(0, TAIL_BYTES).toString('latin1');
        }
        lineBytes = newline === -1 ? lineBytes + piece.length : 0;
        start = end;
      }
      done(null, kept.length ? Buffer.concat(kept) : undefined);
    },
  });
}
