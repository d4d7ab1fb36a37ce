#!/usr/bin/env python3
"""Compares a restored tree with its source: file count and bytes in full, content of a random sample of files.

usage: compare-trees.py SOURCE RESTORED [SAMPLE]   (exit 1 and one line per difference when they differ)
"""
import filecmp
import os
import random
import sys


def files(root):
    out = {}
    for directory, _, names in os.walk(root):
        for name in names:
            path = os.path.join(directory, name)
            out[os.path.relpath(path, root)] = os.lstat(path).st_size
    return out


source, restored = files(sys.argv[1]), files(sys.argv[2])
sample = int(sys.argv[3]) if len(sys.argv) > 3 else 2000
problems = []
if source.keys() != restored.keys():
    problems.append(f"{len(source.keys() - restored.keys())} file(s) missing, {len(restored.keys() - source.keys())} extra")
if sum(source.values()) != sum(restored.values()):
    problems.append(f"bytes differ: {sum(source.values())} vs {sum(restored.values())}")
picked = random.Random(3).sample(sorted(source.keys() & restored.keys()), min(sample, len(source)))
differing = [p for p in picked if not filecmp.cmp(os.path.join(sys.argv[1], p), os.path.join(sys.argv[2], p), shallow=False)]
if differing:
    problems.append(f"{len(differing)} of {len(picked)} sampled files differ, e.g. {differing[0]}")
for problem in problems:
    print(f"   DIFFERS: {problem}")
if not problems:
    print(f"   identical: {len(source)} files, {sum(source.values())} bytes; {len(picked)} sampled files byte-identical")
sys.exit(1 if problems else 0)
