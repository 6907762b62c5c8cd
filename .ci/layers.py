#!/usr/bin/env python3
"""Layers point one way: the module graph from the code's own `crate::` paths.

Reads every src/**/*.rs, takes the `crate::…` paths of the code (comments and
string literals left out), folds them to top-level modules and prints the graph,
layer by layer, top first. Exits non-zero when an edge points back up the layers
(a lower layer using a higher one, the engine using the shell) and is not in the
allow-list of known back-edges (.ci/layers-allow.txt), or when an allow-list
entry no longer occurs (so the list only shrinks).

    python3 .ci/layers.py              # check, print the plain-text graph
    python3 .ci/layers.py --mermaid    # the same graph as a Mermaid block
    python3 .ci/layers.py --allow FILE # another allow-list

Python 3 standard library only.
"""

import argparse
import os
import re
import sys

# Bottom first. A module may use its own layer and the layers below it; an
# edge to a higher layer is a back-edge. Every top-level module of src/ must be
# named here, so a new module is placed on purpose (docs/design.md, "Layout").
LAYERS = [
    ("base", ["i18n", "escape", "text", "bounded", "files", "hardening", "parse_message"]),
    ("io", ["net", "secret"]),
    ("analysers", ["url", "address"]),
    ("inputs", ["config", "declare"]),
    ("model", ["facts", "rules"]),
    ("collect", ["collect", "account", "baseline"]),
    ("evaluate", ["score", "context", "audit"]),
    ("report", ["report", "password_list"]),
    ("operations", ["status", "incident"]),
    ("shell", ["cli", "cmd", "main"]),
]

# Macros exported at the crate root (`#[macro_export]`) belong to the module
# that defines them.
ROOT_MACROS = {"msg": "i18n", "t": "i18n"}

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))


def strip(src):
    """The code without comments, string and char literals (kept as `""`)."""
    out = []
    i, n = 0, len(src)
    while i < n:
        c = src[i]
        if src.startswith("//", i):
            j = src.find("\n", i)
            i = n if j < 0 else j
        elif src.startswith("/*", i):
            depth, i = 1, i + 2
            while i < n and depth:
                if src.startswith("/*", i):
                    depth, i = depth + 1, i + 2
                elif src.startswith("*/", i):
                    depth, i = depth - 1, i + 2
                else:
                    i += 1
        elif c == "r" and re.match(r'r#*"', src[i:]) and not (i and (src[i - 1].isalnum() or src[i - 1] == "_")):
            m = re.match(r'r(#*)"', src[i:])
            end = '"' + m.group(1)
            j = src.find(end, i + len(m.group(0)))
            i = n if j < 0 else j + len(end)
            out.append('""')
        elif c == '"':
            i += 1
            while i < n and src[i] != '"':
                i += 2 if src[i] == "\\" else 1
            i += 1
            out.append('""')
        elif c == "'":
            m = re.match(r"'(\\(x[0-9a-fA-F]{2}|u\{[0-9a-fA-F]+\}|.)|[^\\'])'", src[i:])
            if m:  # a char literal; otherwise a lifetime
                i += len(m.group(0))
                out.append("' '")
            else:
                out.append(c)
                i += 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


def group_names(body):
    """Top-level names in the body of `crate::{a, b::c, d::{e, f}}`."""
    names, depth, token = [], 0, ""
    for ch in body + ",":
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        elif ch == "," and depth == 0:
            m = re.match(r"\s*([A-Za-z_][A-Za-z0-9_]*)", token)
            if m:
                names.append(m.group(1))
            token = ""
            continue
        if depth == 0:
            token += ch
    return names


def braced(code, start):
    """The text between the brace at `start` and its match."""
    depth = 0
    for j in range(start, len(code)):
        if code[j] == "{":
            depth += 1
        elif code[j] == "}":
            depth -= 1
            if depth == 0:
                return code[start + 1 : j]
    return code[start + 1 :]


def without_tests(code):
    """The code without its `#[cfg(test)]` items: a test may reach higher up
    than the code it tests (a report to build a baseline from)."""
    out, i = [], 0
    for m in re.finditer(r"#\[cfg\(test\)\]", code):
        if m.start() < i:
            continue
        out.append(code[i : m.start()])
        j = m.end()
        brace, semi = code.find("{", j), code.find(";", j)
        if brace < 0 or (0 <= semi < brace):
            i = len(code) if semi < 0 else semi + 1
        else:
            i = brace + len(braced(code, brace)) + 2
    out.append(code[i:])
    return "".join(out)


def used_modules(code, crate):
    """Top-level names reached through `crate::` (or `binance_audit::` in main.rs)."""
    found = set()
    for m in re.finditer(r"(?<![A-Za-z0-9_])\$?" + crate + r"\s*::\s*", code):
        rest = code[m.end() :]
        if rest.startswith("{"):
            found.update(group_names(braced(code, m.end())))
        else:
            w = re.match(r"[A-Za-z_][A-Za-z0-9_]*", rest)
            if w:
                found.add(w.group(0))
    return {ROOT_MACROS.get(x, x) for x in found}


def module_of(rel):
    top = rel.split("/")[0]
    return top[:-3] if top.endswith(".rs") else top


def graph(src_dir):
    edges = {}
    for dirpath, _, files in os.walk(src_dir):
        for f in sorted(files):
            if not f.endswith(".rs"):
                continue
            path = os.path.join(dirpath, f)
            rel = os.path.relpath(path, src_dir).replace(os.sep, "/")
            if rel == "lib.rs":
                continue  # declares the modules; uses none
            me = module_of(rel)
            with open(path, encoding="utf-8") as fh:
                code = without_tests(strip(fh.read()))
            crate = "binance_audit" if rel == "main.rs" else "crate"
            for used in used_modules(code, crate):
                if used != me and used not in ("self", "super", "crate"):
                    edges.setdefault(me, {}).setdefault(used, set()).add(rel)
            edges.setdefault(me, {})
    return edges


def read_allow(path):
    allow = {}
    if not os.path.exists(path):
        return allow
    with open(path, encoding="utf-8") as fh:
        for no, line in enumerate(fh, 1):
            text = line.split("#", 1)[0].strip()
            if not text:
                continue
            m = re.fullmatch(r"([a-z_0-9]+)\s*->\s*([a-z_0-9]+)", text)
            if not m:
                sys.exit(f"{path}:{no}: expected `from -> to`, got {line.strip()!r}")
            allow[(m.group(1), m.group(2))] = no
    return allow


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--src", default=os.path.join(ROOT, "src"))
    ap.add_argument("--allow", default=os.path.join(ROOT, ".ci", "layers-allow.txt"))
    ap.add_argument("--mermaid", action="store_true", help="print the graph as a Mermaid block")
    args = ap.parse_args()

    layer_of = {}
    for i, (_, mods) in enumerate(LAYERS):
        for m in mods:
            layer_of[m] = i
    edges = graph(args.src)
    allow = read_allow(args.allow)

    problems = []
    for m in sorted(edges):
        if m not in layer_of:
            problems.append(f"module `{m}` is in no layer: add it to LAYERS in .ci/layers.py")
    back, allowed = [], []
    for a in sorted(edges):
        for b in sorted(edges[a]):
            if b not in layer_of:
                problems.append(f"`{a}` uses `{b}`, which is in no layer")
                continue
            if a in layer_of and layer_of[b] > layer_of[a]:
                files = ", ".join(sorted(edges[a][b]))
                if (a, b) in allow:
                    allowed.append((a, b))
                else:
                    back.append(f"back-edge {a} -> {b} ({LAYERS[layer_of[a]][0]} uses {LAYERS[layer_of[b]][0]}): {files}")
    for (a, b), no in sorted(allow.items(), key=lambda kv: kv[1]):
        if (a, b) not in allowed:
            problems.append(
                f"{os.path.relpath(args.allow, ROOT)}:{no}: {a} -> {b} no longer points back up: remove it"
            )

    allowed_set = set(allowed)
    if args.mermaid:
        print("```mermaid")
        print("flowchart BT")
        for name, mods in LAYERS:
            print(f"  subgraph {name}")
            for m in mods:
                if m in edges:
                    print(f"    {m}")
            print("  end")
        for a in sorted(edges):
            for b in sorted(edges[a]):
                arrow = "-.->|back|" if (a, b) in allowed_set else "-->"
                print(f"  {a} {arrow} {b}")
        print("```")
    else:
        print("```text")
        print("layer        module         uses  (↑ a known back-edge, .ci/layers-allow.txt)")
        for i in range(len(LAYERS) - 1, -1, -1):
            name, mods = LAYERS[i]
            first = True
            for m in mods:
                if m not in edges:
                    continue
                uses = []
                for b in sorted(edges[m], key=lambda x: (-layer_of.get(x, -1), x)):
                    uses.append(f"↑{b}" if (m, b) in allowed_set else b)
                label = f"{i} {name}" if first else ""
                first = False
                print(f"{label:<12} {m:<14} {', '.join(uses) if uses else '—'}".rstrip())
        print("```")

    for line in problems + back:
        print(f"layers: {line}", file=sys.stderr)
    if problems or back:
        return 1
    if allowed:
        print(f"layers: {len(allowed)} known back-edge(s) allowed by {os.path.relpath(args.allow, ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
