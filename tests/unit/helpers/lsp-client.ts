/**
 * A minimal Language Server Protocol client over stdio, enough to drive the
 * Astro language server (what VS Code's Astro extension runs) the way the
 * editor does: initialize, open a document, read the diagnostics it pushes,
 * ask for completion and hover.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { pathToFileURL } from 'node:url';

export interface LspDiagnostic {
  range: { start: { line: number; character: number } };
  message: string;
  source?: string;
}

export class LspClient {
  private readonly process: ChildProcess;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, (result: unknown) => void>();
  private readonly diagnostics = new Map<string, LspDiagnostic[]>();

  constructor(command: string, args: string[], cwd: string) {
    this.process = spawn(command, args, { cwd, stdio: ['pipe', 'pipe', 'ignore'] });
    this.process.stdout!.on('data', (chunk: Buffer) => this.receive(chunk));
  }

  private send(message: object): void {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }));
    this.process.stdin!.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.process.stdin!.write(body);
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const end = this.buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, end).toString())![1]);
      if (this.buffer.length < end + 4 + length) return;
      const message = JSON.parse(this.buffer.subarray(end + 4, end + 4 + length).toString()) as { id?: number; method?: string; params?: any; result?: unknown };
      this.buffer = this.buffer.subarray(end + 4 + length);
      if (message.method === 'textDocument/publishDiagnostics') this.diagnostics.set(message.params.uri, message.params.diagnostics);
      else if (message.method && message.id !== undefined) {
        // The server asks for settings and registrations; the editor's defaults are "nothing set".
        this.send({ id: message.id, result: message.method === 'workspace/configuration' ? message.params.items.map(() => null) : null });
      } else if (message.id !== undefined && this.pending.has(message.id)) {
        this.pending.get(message.id)!(message.result);
        this.pending.delete(message.id);
      }
    }
  }

  request<T>(method: string, params: object): Promise<T> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve as (result: unknown) => void);
      this.send({ id, method, params });
    });
  }

  notify(method: string, params: object): void {
    this.send({ method, params });
  }

  async initialize(root: string, initializationOptions: object): Promise<void> {
    const rootUri = pathToFileURL(root).href;
    await this.request('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'hindsight' }],
      capabilities: {
        textDocument: { publishDiagnostics: {}, completion: { completionItem: { documentationFormat: ['markdown', 'plaintext'] } }, hover: { contentFormat: ['markdown', 'plaintext'] } },
        workspace: { configuration: true, workspaceFolders: true },
      },
      initializationOptions,
    });
    this.notify('initialized', {});
  }

  open(file: string, text: string, languageId = 'markdown'): string {
    const uri = pathToFileURL(file).href;
    this.diagnostics.delete(uri);
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return uri;
  }

  /** The diagnostics the server pushes for `uri`, once it has pushed some (an empty list counts), polling up to `attempts` half-seconds. */
  async diagnosticsOf(uri: string, attempts = 600): Promise<LspDiagnostic[]> {
    for (let attempt = 0; attempt < attempts && !this.diagnostics.has(uri); attempt++) await new Promise((resolve) => setTimeout(resolve, 500));
    const found = this.diagnostics.get(uri);
    if (!found) throw new Error(`The language server published no diagnostics for ${uri}`);
    return found;
  }

  close(): void {
    this.process.kill();
  }
}
