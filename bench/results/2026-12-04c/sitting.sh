#!/usr/bin/env bash
# The third sitting of 2026-12-04 (evening, AMD EPYC host): Photon EE at b462eda (the master's server rows
# rewritten only as a 10 s heartbeat) against e00e0b1 (rewritten every second), built in a worktree BEFORE, and
# Colyseus, N=200, median of 3 seeds each, alternating so a drift of the host shows in all of them.
S="$(dirname "$0")/set.sh"
HERE="$(cd "$(dirname "$0")/../../.." && pwd)"
BEFORE=${BEFORE:-/tmp/before}
$S "$HERE" after
$S "$BEFORE" before
$S "$HERE" colyseus --peer colyseus
$S "$HERE" after2
$S "$BEFORE" before2
echo SITTING DONE
