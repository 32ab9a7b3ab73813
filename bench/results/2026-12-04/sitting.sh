#!/usr/bin/env bash
S="$(dirname "$0")/set.sh"
$S after
PHOTON_NETTY_FIBERSONEVENTLOOPS=false $S before
$S colyseus --peer colyseus
$S ceiling --ceiling
$S after800 --clients 800
PHOTON_NETTY_FIBERSONEVENTLOOPS=false $S before800 --clients 800
$S ceiling800 --ceiling --clients 800
echo SITTING DONE
