#!/usr/bin/env bash
# The second sitting of 2026-12-04 (afternoon, another host): Photon EE on Netty, the bare relay and Colyseus, N=200,
# then the same at N=800, median of 3 seeds each, alternating so a drift of the host shows in both.
S="$(dirname "$0")/set.sh"
$S photon
$S colyseus --peer colyseus
$S ceiling --ceiling
$S photon800 --clients 800
$S colyseus800 --peer colyseus --clients 800
echo SITTING DONE
