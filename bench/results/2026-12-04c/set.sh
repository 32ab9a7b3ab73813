#!/usr/bin/env bash
# set.sh ROOT PREFIX [bench options...]: one ./photon bench --pin --prime 20 --seed 1,2,3 run set from the checkout
# ROOT (so two builds can alternate in one sitting), written to target/bench/q8/PREFIX-nN-sS.json of this checkout
set -u
root=$1 prefix=$2; shift 2
here="$(cd "$(dirname "$0")/../../.." && pwd)"
out="$here/target/bench/q8"
mkdir -p "$out"
echo "== $prefix $(date +%T) load $(cut -d' ' -f1-3 /proc/loadavg)"
(cd "$root" && ./photon bench --pin --prime 20 --seed 1,2,3 --out "$out/$prefix.json" "$@") > "$out/$prefix.log" 2>&1
echo "rc=$? $(date +%T)"
