package org.photonee.core.game;

import org.photonee.core.room.RoomSettings;

/**
 * Settings of the game server role (LOADBALANCING.md §2.8, §2.12).
 *
 * @param rooms                    limits every room obeys
 * @param authTokenExpirationMillis lifetime of a token ({@code AuthTokenExpirationS}, code default 1800 s); a token
 *                                 is refreshed with an AuthEvent once less than a third of it remains
 * @param requireGrantedGame       refuse CreateGame/JoinGame with a token that names no granted game. Off by
 *                                 default: tokens that name a game are always held to it, tokens that name none
 *                                 (direct connections without a master hop) may enter any room of their app
 */
public record GameServerSettings(RoomSettings rooms, long authTokenExpirationMillis, boolean requireGrantedGame) {
    public static final long DEFAULT_AUTH_TOKEN_EXPIRATION_MILLIS = 1_800_000;

    public static final GameServerSettings DEFAULTS = new GameServerSettings(RoomSettings.DEFAULTS,
            DEFAULT_AUTH_TOKEN_EXPIRATION_MILLIS, false);

    public GameServerSettings {
        rooms = rooms == null ? RoomSettings.DEFAULTS : rooms;
        if (authTokenExpirationMillis <= 0) {
            throw new IllegalArgumentException("token lifetime must be positive: " + authTokenExpirationMillis);
        }
    }
}
