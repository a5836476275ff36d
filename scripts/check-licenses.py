#!/usr/bin/env python3
"""Checks that every crate Tidings builds with may be used in an MIT OR
Apache-2.0 project: each dependency's licence expression must offer at least
one licence from ALLOWED. Prints the offenders and exits 1 if there are any."""
import json
import re
import subprocess
import sys

ALLOWED = {
    "MIT", "Apache-2.0", "Apache-2.0 WITH LLVM-exception", "BSD-2-Clause", "BSD-3-Clause",
    "ISC", "Zlib", "0BSD", "Unicode-3.0", "Unicode-DFS-2016", "CC0-1.0", "Unlicense",
    "MPL-2.0", "BSL-1.0", "CDLA-Permissive-2.0",
}


def acceptable(expr: str) -> bool:
    """True when some alternative of an SPDX expression is all-allowed."""
    expr = expr.replace("/", " OR ")
    for alternative in re.split(r"\s+OR\s+", expr.replace("(", " ").replace(")", " ")):
        parts = [p.strip() for p in re.split(r"\s+AND\s+", alternative) if p.strip()]
        if parts and all(p in ALLOWED for p in parts):
            return True
    return False


def main() -> int:
    meta = json.loads(subprocess.check_output(
        ["cargo", "metadata", "--format-version", "1", "--locked"], text=True))
    bad = []
    for pkg in meta["packages"]:
        lic = pkg.get("license") or ""
        if not lic or not acceptable(lic):
            bad.append(f"{pkg['name']} {pkg['version']}: {lic or 'no licence stated'}")
    if bad:
        print("licences that do not fit MIT OR Apache-2.0:", *bad, sep="\n  ")
        return 1
    print(f"licences ok: {len(meta['packages'])} crates")
    return 0


if __name__ == "__main__":
    sys.exit(main())
