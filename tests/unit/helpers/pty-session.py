"""
Runs a command in a real pseudo-terminal and types answers as a person would,
for the interactive CLI tests (there is no node-pty). Python's pty module is in
every python3, so the test needs nothing installed.

Input (argv[1], JSON):
  {"command": [...], "cwd": "...", "env": {...}, "columns": 100, "rows": 40,
   "limit_seconds": 90,
   "steps": [{"expect": "regex", "send": "text"}, ...]}

Each step waits until `expect` appears in the screen text written after the
previous step's match, then types `send` ("\r" is Enter). The limit only stops
a hung session; it is not a speed check.

Output (stdout, JSON): {"transcript": text without escape codes,
  "screens": [text between matches, one per step], "exit_code": n or null,
  "failed_step": index or null}
"""
import fcntl
import json
import os
import pty
import re
import select
import struct
import sys
import termios
import time

ESCAPES = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b[=>78]")


def plain(data: bytes) -> str:
    return ESCAPES.sub("", data.decode("utf-8", "replace")).replace("\r", "")


def main() -> None:
    spec = json.loads(sys.argv[1])
    pid, fd = pty.fork()
    if pid == 0:
        os.chdir(spec["cwd"])
        os.execvpe(spec["command"][0], spec["command"], spec["env"])
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", spec.get("rows", 40), spec.get("columns", 100), 0, 0))

    output = b""
    deadline = time.monotonic() + spec.get("limit_seconds", 90)

    def read_some(wait: float) -> bool:
        nonlocal output
        ready, _, _ = select.select([fd], [], [], wait)
        if not ready:
            return True
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            return False
        if not chunk:
            return False
        output += chunk
        return True

    screens = []
    consumed = 0
    failed_step = None
    alive = True
    for index, step in enumerate(spec["steps"]):
        pattern = re.compile(step["expect"])
        match = None
        while time.monotonic() < deadline:
            text = plain(output)
            match = pattern.search(text, consumed)
            if match or not alive:
                break
            alive = read_some(0.2)
        if not match:
            failed_step = index
            break
        # Let the prompt finish drawing before typing, as a person reading it would.
        while alive and read_some(0.15) and time.monotonic() < deadline:
            if not select.select([fd], [], [], 0)[0]:
                break
        text = plain(output)
        screens.append(text[consumed:])
        consumed = match.end()
        os.write(fd, step["send"].encode())

    while alive and time.monotonic() < deadline:
        alive = read_some(0.2)
    exit_code = None
    if not alive:
        _, status = os.waitpid(pid, 0)
        exit_code = os.waitstatus_to_exitcode(status)
    else:
        os.kill(pid, 9)
        os.waitpid(pid, 0)
    json.dump({"transcript": plain(output), "screens": screens, "exit_code": exit_code, "failed_step": failed_step}, sys.stdout)


main()
