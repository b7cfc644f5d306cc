/** A free loopback port, found synchronously so the Playwright config can be plain data. */
import { execFileSync } from 'node:child_process';

export function freePort(): number {
  const script = "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close();});";
  return Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
}
