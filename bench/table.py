#!/usr/bin/env python3
"""Markdown table rows from ./photon bench result JSON files: one row per run set, each column the median of its runs.

Usage: bench/table.py DIR LABEL=PREFIX [LABEL=PREFIX ...]
  PREFIX names the set's files in DIR: PREFIX-s1.json, PREFIX-s2.json, ... (or PREFIX.json for one run).
"""
import glob
import json
import os
import statistics
import sys


def runs(directory, prefix):
    files = sorted(glob.glob(os.path.join(directory, prefix + "-s*.json")))
    if not files and os.path.exists(os.path.join(directory, prefix + ".json")):
        files = [os.path.join(directory, prefix + ".json")]
    return [json.load(open(f)) for f in files]


def median(values, fmt):
    values = [v for v in values if v is not None]
    return fmt.format(statistics.median(values)) if values else "n/a"


def row(label, results):
    def col(path, fmt="{:.2f}"):
        out = []
        for r in results:
            v = r
            for key in path.split("."):
                v = v.get(key) if isinstance(v, dict) else None
            out.append(v)
        return median(out, fmt)

    server = [r["server"]["cpu_us_per_delivery"] for r in results]
    return "| {} | {} | {} | **{}** ({}) | {} / {} / {} | {} / {} | {} | {} | {} / {} |".format(
        label, len(results), col("delivery_ratio", "{:.4f}"), col("server.cpu_us_per_delivery"),
        "–".join("{:.2f}".format(v) for v in (min(server), max(server))),
        col("server.cpu_user_us_per_delivery"), col("server.cpu_system_us_per_delivery"),
        col("server.jit_us_per_delivery"),
        col("echo_rtt.p50_ms"), col("echo_rtt.p99_ms"), col("load_client.cpu_us_per_received_frame"),
        "–".join("{:.0f}".format(v) for v in (min(r["machine"]["other_cpu_pct_of_one_core"] for r in results),
                                               max(r["machine"]["other_cpu_pct_of_one_core"] for r in results))),
        col("join.p50_ms", "{:.0f}"), col("join.p99_ms", "{:.0f}"))


def main(argv):
    if len(argv) < 3:
        sys.exit(__doc__)
    # The user / kernel / JIT split is in result files since 2026-12-04 afternoon; older files show n/a.
    print("| server (options) | runs | ratio | server µs / delivery (range) | of which user / kernel / JIT "
          "| echo p50 / p99 ms | generator µs / frame | other % | join p50 / p99 ms |")
    print("|---|---|---|---|---|---|---|---|---|")
    for spec in argv[2:]:
        label, prefix = spec.rsplit("=", 1)
        results = runs(argv[1], prefix)
        if not results:
            sys.exit("no result files for " + prefix + " in " + argv[1])
        print(row(label, results))


if __name__ == "__main__":
    main(sys.argv)
