"""Finding the `newscrawl ...` commands written in deployment files and documentation, so the
tests can check each of them against the CLI's own argparse parser."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

PUNCTUATION = "();<>|&"  # what shlex returns as separate operator words


def words(line: str) -> list[str]:
    """Shell words of one line, operators as separate words, comments dropped."""
    lexer = shlex.shlex(line, posix=True, punctuation_chars=PUNCTUATION)
    lexer.whitespace_split = True
    lexer.commenters = "#"
    return list(lexer)


def is_newscrawl(word: str) -> bool:
    return word == "newscrawl" or word.endswith("/bin/newscrawl")


def in_shell_line(line: str) -> list[list[str]]:
    """The argument lists of every newscrawl invocation on a shell line, up to the next
    operator or redirection (`2>&1` included); words inside quotes are not commands."""
    found = []
    tokens = words(line)
    for i, word in enumerate(tokens):
        if is_newscrawl(word):
            args = []
            rest = tokens[i + 1 :]
            for j, arg in enumerate(rest):
                if _is_operator(arg) or (
                    arg.isdigit() and j + 1 < len(rest) and _is_operator(rest[j + 1])
                ):
                    break
                args.append(arg)
            found.append(args)
    return found


def _is_operator(word: str) -> bool:
    return set(word) <= set(PUNCTUATION)


FENCE = re.compile(r"^```(\w*)[^\n]*\n(.*?)^```", re.MULTILINE | re.DOTALL)
INLINE = re.compile(r"`(newscrawl [^`]+)`")
SHELL_BLOCKS = {"sh", "shell", "bash", "console", "crontab"}


def in_markdown(text: str) -> list[list[str]]:
    """Commands in shell code blocks (```sh and the like; backslash continuations joined) and
    in inline code spans that start with `newscrawl `. Blocks in other languages (```text
    for sample output, ```sql) are not commands."""
    found = []
    for language, block in FENCE.findall(text):
        if language in SHELL_BLOCKS:
            for line in block.replace("\\\n", " ").splitlines():
                found += in_shell_line(line)
    for span in INLINE.findall(text):
        found += in_shell_line(span)
    return found


def in_crontab(path: Path) -> list[list[str]]:
    found = []
    for line in path.read_text().splitlines():
        if line.strip() and not line.lstrip().startswith("#") and not ENV_LINE.match(line):
            found += in_shell_line(" ".join(line.split()[5:]))
    return found


ENV_LINE = re.compile(r"^\s*[A-Za-z_][A-Za-z0-9_]*\s*=")
