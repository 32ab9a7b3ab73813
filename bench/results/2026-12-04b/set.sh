#!/usr/bin/env bash
# set.sh PREFIX [bench options...]: one ./photon bench --pin --prime 20 --seed 1,2,3 run set, written to target/bench/q7/PREFIX-nN-sS.json (the files here were copied from there)
set -u
prefix=$1; shift
cd "$(dirname "$0")/../../.."
mkdir -p target/bench/q7
for s in 1 2 3; do rm -f target/bench/q7/$prefix-s$s.json; done
echo "== $prefix $(date +%T) load $(cut -d' ' -f1-3 /proc/loadavg)"
./photon bench --pin --prime 20 --seed 1,2,3 --out "target/bench/q7/$prefix.json" "$@" > target/bench/q7/$prefix.log 2>&1
echo "rc=$? $(date +%T)"
ls target/bench/q7/ | grep "^$prefix" 
