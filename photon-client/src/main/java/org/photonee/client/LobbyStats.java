package org.photonee.client;

/**
 * Occupancy of one lobby (LobbyStats operation and event).
 *
 * @param lobby       the lobby
 * @param peerCount   players in the lobby and in its rooms
 * @param gameCount   rooms in the lobby
 */
public record LobbyStats(TypedLobby lobby, int peerCount, int gameCount) {
}
