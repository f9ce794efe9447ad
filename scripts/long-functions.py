#!/usr/bin/env python3
"""Lists the functions, initializers and closures-as-properties in Sources/ longer than a limit (60 lines).

A function's length runs from the line of its `func`/`init`/`subscript`/computed `var` to its closing brace.
Exit status 1 when one is over the limit, so that `make test` keeps the rule.

    python3 scripts/long-functions.py [--limit 60] [Sources]
"""
import argparse
import pathlib
import re
import sys

DECL = re.compile(r'^\s*(?:@\w+(?:\([^)]*\))?\s+)*(?:(?:public|private|fileprivate|internal|package|static|class|final|'
                  r'override|mutating|nonisolated|convenience|required|async|indirect)\s+)*'
                  r'(func\s+[^\s(<]+|init[?!]?|subscript|deinit)\b')


def strip(line, state):
    """The line without strings and comments; state carries a multi-line string or block comment across lines."""
    out, i = [], 0
    while i < len(line):
        if state['block']:
            end = line.find('*/', i)
            if end < 0:
                return ''.join(out)
            state['block'], i = False, end + 2
            continue
        if state['multi']:
            end = line.find('"""', i)
            if end < 0:
                return ''.join(out)
            state['multi'], i = False, end + 3
            continue
        c = line[i]
        if line.startswith('//', i):
            break
        if line.startswith('/*', i):
            state['block'], i = True, i + 2
            continue
        if line.startswith('"""', i):
            state['multi'], i = True, i + 3
            continue
        if c == '"':
            i += 1
            while i < len(line) and line[i] != '"':
                i += 2 if line[i] == '\\' else 1
            i += 1
            continue
        out.append(c)
        i += 1
    return ''.join(out)


def long_functions(path, limit):
    state = {'block': False, 'multi': False}
    stack = []  # (name, start line, depth at which its body opened) of functions being read
    depth, pending = 0, None
    for number, raw in enumerate(path.read_text(encoding='utf-8').splitlines(), 1):
        line = strip(raw, state)
        match = DECL.match(line)
        if match:
            pending = (match.group(1), number)
        for c in line:
            if c == '{':
                depth += 1
                if pending:
                    stack.append((pending[0], pending[1], depth))
                    pending = None
            elif c == '}':
                if stack and stack[-1][2] == depth:
                    name, start, _ = stack.pop()
                    length = number - start + 1
                    if length > limit:
                        yield name, start, length
                depth -= 1
        if pending and line.rstrip().endswith(('}', ')')) and '{' not in line and match is None:
            pending = None  # a protocol requirement or a declaration without body


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--limit', type=int, default=60)
    parser.add_argument('roots', nargs='*', default=['Sources'])
    args = parser.parse_args()
    found = []
    for root in args.roots:
        for path in sorted(pathlib.Path(root).rglob('*.swift')):
            for name, start, length in long_functions(path, args.limit):
                found.append(f'{path}:{start}: {name} is {length} lines long (limit {args.limit})')
    print('\n'.join(found))
    return 1 if found else 0


if __name__ == '__main__':
    sys.exit(main())
