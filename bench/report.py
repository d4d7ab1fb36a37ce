#!/usr/bin/env python3
"""Prints the benchmark table (each tool's fastest run per case) and the ratios to restic, and each restore against
the write floor (`cp -a` of the same data onto the same kind of target, tool "cp").

Peak memory is each tool's highest over the rounds, the memory a user has to provide; a run's peak varies by
about 10 % with garbage-collection timing, so the fastest run's own peak would compare one tool's luckiest
round with the other's.

Repository sizes are the mean over the rounds: every round starts a new repository, and each repository's random
chunker seed (restic's random polynomial) moves chunk boundaries, so one round's size varies by about 1%.
"""
import sys

best = {}
peaks = {}
repos = {}
order = []
for line in open(sys.argv[1]):
    target, case, tool, wall, rss, size, files, repo, cpu, server = line.rstrip("\n").split("\t")
    key = (target, case)
    if key not in order:
        order.append(key)
    row = dict(wall=float(wall), rss=int(rss) / 1024, size=int(size), files=int(files), repo=int(repo), cpu=float(cpu), server=float(server))
    peaks[(key, tool)] = max(peaks.get((key, tool), 0), row["rss"])
    if row["repo"]:
        repos.setdefault((key, tool), []).append(row["repo"])
    if (key, tool) not in best or row["wall"] < best[(key, tool)]["wall"]:
        best[(key, tool)] = row
for (key, tool), sizes in repos.items():
    best[(key, tool)]["repo"] = sum(sizes) / len(sizes)
for (key, tool), peak in peaks.items():
    best[(key, tool)]["rss"] = peak

print(f"{'target':6} {'case':11} {'tool':8} {'wall s':>7} {'cpu s':>6} {'server cpu s':>12} {'MB/s':>7} {'files/s':>8} {'peak MiB':>9} {'repo MiB':>9}")
for key in order:
    for tool in ("stowage", "restic", "cp"):
        r = best.get((key, tool))
        if not r:
            continue
        repo = f"{r['repo'] / 2**20:9.1f}" if r["repo"] else f"{'-':>9}"
        print(f"{key[0]:6} {key[1]:11} {tool:8} {r['wall']:7.2f} {r['cpu']:6.2f} {r['server']:12.2f} {r['size'] / 1e6 / max(r['wall'], 0.01):7.1f} "
              f"{r['files'] / max(r['wall'], 0.01):8.0f} {r['rss']:9.1f} {repo}")
print()
print(f"{'target':6} {'case':11} {'speed x restic':>14} {'cpu / restic':>13} {'memory / restic':>16} {'repo / restic':>14}")
for key in order:
    s, r = best.get((key, "stowage")), best.get((key, "restic"))
    if not s or not r:
        continue
    repo = f"{s['repo'] / r['repo']:14.2f}" if s["repo"] and r["repo"] else f"{'-':>14}"
    print(f"{key[0]:6} {key[1]:11} {r['wall'] / max(s['wall'], 0.01):14.2f} {s['cpu'] / max(r['cpu'], 0.01):13.2f} {s['rss'] / r['rss']:16.2f} {repo}")

floors = [key for key in order if best.get((key, "cp"))]
if floors:
    print()
    print("restore against the write floor (each tool's restore time over cp -a's onto the same kind of target)")
    print(f"{'target':6} {'case':11} {'cp s':>6} {'stowage / cp':>13} {'restic / cp':>12}")
    for key in floors:
        cp = best[(key, "cp")]["wall"]
        over = [f"{best[(key, tool)]['wall'] / max(cp, 0.01):.2f}" if best.get((key, tool)) else "-" for tool in ("stowage", "restic")]
        print(f"{key[0]:6} {key[1]:11} {cp:6.2f} {over[0]:>13} {over[1]:>12}")

if "--growth" in sys.argv:
    # Scales are the targets in the order they ran; the limit run ("2M-256M") is not a scale.
    scales = [t for t in dict.fromkeys(k[0] for k in order) if "-" not in t]
    if len(scales) > 1:
        first, last = scales[0], scales[-1]
        print()
        print(f"growth from {first} to {last} files: peak memory (x), files/s (x), and at {last} stowage's peak as a fraction of restic's")
        print(f"{'case':11} {'tool':8} {'peak x':>7} {'files/s x':>10}")
        for case in dict.fromkeys(k[1] for k in order):
            for tool in ("stowage", "restic"):
                a, b = best.get(((first, case), tool)), best.get(((last, case), tool))
                if a and b:
                    print(f"{case:11} {tool:8} {b['rss'] / a['rss']:7.2f} {(b['files'] / b['wall']) / (a['files'] / a['wall']):10.2f}")
