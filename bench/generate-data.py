#!/usr/bin/env python3
"""Benchmark data: half incompressible, half text-like; many small files plus files of several MiB.

usage: generate-data.py mixed DIR TOTAL_MIB SMALL_FILES
       generate-data.py small DIR FILES          (files of 1-4 KiB, text-like and random)
       generate-data.py change DIR PERCENT       (rewrites about PERCENT % of the bytes in place)
       generate-data.py tree DIR FILES           (files of 0-4 KiB, half in a wide tree, half in a deep one)
       generate-data.py touch DIR PERCENT        (rewrites PERCENT % of the files, picked at random)
       generate-data.py database DIR MIB          (a database volume: one MIB MiB file of 8 KiB pages, 64 MiB of WAL)
       generate-data.py pages DIR PERCENT WAL_MIB (rewrites PERCENT % of the pages in place, at random, and appends
                                                  WAL_MIB of WAL; prints "changed-bytes N")
"""
import os
import random
import sys

WORDS = ("backup volume cluster snapshot stowage pod restore data kubernetes chunk namespace policy schedule "
         "retention bucket object lock encrypt compress index tree pack manifest application database replica "
         "the of and to in is for on with as at by from that this be are was it an or not").split()
WORDS += [f"id{n}" for n in range(2000)]


def text(rng, size):
    out = []
    length = 0
    while length < size:
        line = " ".join(rng.choices(WORDS, k=12)) + f" {rng.randrange(10**9)}\n"
        out.append(line)
        length += len(line)
    return "".join(out).encode()[:size]


def payload(rng, size, compressible):
    return text(rng, size) if compressible else os.urandom(size)


def mixed(root, total_mib, small_files):
    rng = random.Random(42)
    total = total_mib * 1024 * 1024
    written = 0
    for i in range(small_files):
        d = os.path.join(root, "small", f"d{i // 500:03d}", f"e{i // 50 % 10}")
        os.makedirs(d, exist_ok=True)
        size = rng.randint(512, 12 * 1024)
        with open(os.path.join(d, f"f{i:06d}.{'txt' if i % 2 else 'bin'}"), "wb") as f:
            f.write(payload(rng, size, i % 2 == 1))
        written += size
    os.makedirs(os.path.join(root, "large"), exist_ok=True)
    n = 0
    while written < total:
        size = min(rng.randint(2, 24) * 1024 * 1024, total - written)
        with open(os.path.join(root, "large", f"big{n:04d}.{'log' if n % 2 else 'dat'}"), "wb") as f:
            f.write(payload(rng, size, n % 2 == 1))
        written += size
        n += 1
    print(f"generated {written / 2**20:.0f} MiB in {small_files + n} files")


def small(root, files):
    rng = random.Random(7)
    for i in range(files):
        d = os.path.join(root, f"d{i // 1000:03d}")
        if i % 1000 == 0:
            os.makedirs(d, exist_ok=True)
        size = rng.randint(1024, 4096)
        with open(os.path.join(d, f"f{i:06d}"), "wb") as f:
            f.write(payload(rng, size, i % 2 == 1))
    print(f"generated {files} small files")


def tree(root, files):
    """Half the files in directories of 10,000 (wide), half in leaves of 50 files eight levels down (deep)."""
    rng = random.Random(11)
    made = set()
    for i in range(files):
        if i % 2 == 0:
            d = os.path.join(root, "wide", f"w{i // 20000:04d}")
        else:
            leaf = i // 100
            d = os.path.join(root, "deep", *(f"l{leaf >> (3 * level) & 7}" for level in range(7, -1, -1)))
        if d not in made:
            os.makedirs(d, exist_ok=True)
            made.add(d)
        size = rng.randint(0, 4096)
        with open(os.path.join(d, f"f{i:07d}"), "wb") as f:
            f.write(payload(rng, size, i % 4 == 1))
    print(f"generated {files} files in {len(made)} directories")


def touch(root, percent):
    rng = random.Random(5)
    files = [os.path.join(dp, f) for dp, _, fs in os.walk(root) for f in fs]
    picked = rng.sample(files, len(files) * percent // 100)
    for path in picked:
        with open(path, "wb") as f:
            f.write(os.urandom(rng.randint(0, 4096)))
    print(f"rewrote {len(picked)} of {len(files)} files")


def change(root, percent):
    rng = random.Random(99)
    files = sorted(os.path.join(dp, f) for dp, _, fs in os.walk(root) for f in fs)
    total = sum(os.path.getsize(f) for f in files)
    budget = total * percent // 100
    changed = 0
    rng.shuffle(files)
    for path in files:
        if changed >= budget:
            break
        size = os.path.getsize(path)
        span = min(size, 1024 * 1024, budget - changed)
        offset = rng.randrange(0, max(1, size - span))
        with open(path, "r+b") as f:
            f.seek(offset)
            f.write(os.urandom(span))
        changed += span
    print(f"changed {changed / 2**20:.1f} MiB of {total / 2**20:.0f} MiB")


PAGE = 8192
PAGE_FILE = os.path.join("base", "16384", "16385")
WAL_SEGMENT = 16 * 1024 * 1024


def page(rng, number, texts):
    """A page as a database writes it: a header with its number and a change counter, half row data that
    compresses like text, half that does not."""
    header = f"page {number:012d} lsn {rng.randrange(2**48):016x} ".encode()
    half = (PAGE - len(header)) // 2
    return header + texts[rng.randrange(len(texts))][:half] + os.urandom(PAGE - len(header) - half)


def text_pool(rng):
    return [text(rng, PAGE) for _ in range(2048)]


def database(root, mib):
    rng = random.Random(5)
    texts = text_pool(rng)
    os.makedirs(os.path.join(root, os.path.dirname(PAGE_FILE)), exist_ok=True)
    pages = mib * 1024 * 1024 // PAGE
    with open(os.path.join(root, PAGE_FILE), "wb") as f:
        for n in range(pages):
            f.write(page(rng, n, texts))
    os.makedirs(os.path.join(root, "pg_wal"), exist_ok=True)
    for segment in range(4):
        append_wal(root, segment, WAL_SEGMENT, rng, texts)
    print(f"generated a {mib} MiB page file ({pages} pages of {PAGE} B) and 64 MiB of WAL")


def append_wal(root, segment, size, rng, texts):
    with open(os.path.join(root, "pg_wal", f"{1:08X}{0:08X}{segment:08X}"), "ab") as f:
        for _ in range(size // PAGE):
            f.write(page(rng, segment, texts))


def pages_change(root, percent, wal_mib):
    rng = random.Random(11)
    texts = text_pool(rng)
    path = os.path.join(root, PAGE_FILE)
    count = os.path.getsize(path) // PAGE
    chosen = rng.sample(range(count), count * percent // 100)
    with open(path, "r+b") as f:
        for n in chosen:
            f.seek(n * PAGE)
            f.write(page(rng, n, texts))
    segments = len(os.listdir(os.path.join(root, "pg_wal")))
    append_wal(root, segments, wal_mib * 1024 * 1024, rng, texts)
    print(f"rewrote {len(chosen)} of {count} pages in place and appended {wal_mib} MiB of WAL")
    print(f"changed-bytes {len(chosen) * PAGE + wal_mib * 1024 * 1024}")


if __name__ == "__main__":
    mode = sys.argv[1]
    if mode == "mixed":
        mixed(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
    elif mode == "small":
        small(sys.argv[2], int(sys.argv[3]))
    elif mode == "change":
        change(sys.argv[2], int(sys.argv[3]))
    elif mode == "tree":
        tree(sys.argv[2], int(sys.argv[3]))
    elif mode == "database":
        database(sys.argv[2], int(sys.argv[3]))
    elif mode == "pages":
        pages_change(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
    elif mode == "touch":
        touch(sys.argv[2], int(sys.argv[3]))
