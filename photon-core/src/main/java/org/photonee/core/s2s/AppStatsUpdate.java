package org.photonee.core.s2s;

/**
 * A game server's totals (UpdateAppStats).
 *
 * @param gameCount   rooms hosted
 * @param playerCount actors in them
 */
public record AppStatsUpdate(int gameCount, int playerCount) {
}
