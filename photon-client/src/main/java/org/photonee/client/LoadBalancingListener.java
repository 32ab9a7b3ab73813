package org.photonee.client;

import java.util.List;
import java.util.Map;
import org.photonee.core.protocol.EventData;

/**
 * Callbacks of a {@link LoadBalancingClient}; every method has an empty default, override what you need. They run
 * one at a time on the client's event thread, in the order things happened. Do not block in them: in particular,
 * waiting on one of the client's own {@code CompletionStage}s inside a callback would wait forever.
 */
public interface LoadBalancingListener {
    default void onStateChanged(ClientState previous, ClientState current) {
    }

    /** Authenticated on the master: lobby and matchmaking operations are possible now. */
    default void onConnectedToMaster() {
    }

    /**
     * The client lost its connection without asking for it (or after {@link LoadBalancingClient#disconnect()}).
     *
     * @param closeCode WebSocket close code (1000 normal, 1006 broken)
     * @param reason    the server's close reason, possibly empty
     */
    default void onDisconnected(int closeCode, String reason) {
    }

    /** The lobby's full room list (after joining a lobby), or the changed rooms (later updates). */
    default void onRoomListUpdate(List<RoomInfo> changed) {
    }

    default void onJoinedRoom(Room room) {
    }

    default void onLeftRoom() {
    }

    default void onPlayerEnteredRoom(Player player) {
    }

    /** A player left the room; {@code player.isInactive()} says whether it may come back. */
    default void onPlayerLeftRoom(Player player) {
    }

    default void onRoomPropertiesChanged(Map<Object, Object> changed) {
    }

    default void onPlayerPropertiesChanged(Player player, Map<Object, Object> changed) {
    }

    default void onMasterClientSwitched(Player newMaster) {
    }

    /**
     * Every event, server and custom ones alike, after the client updated its room view for it. Custom events
     * (codes 0..240) carry the sender in parameter 254 and the content in 245.
     */
    default void onEvent(EventData event) {
    }

    /** A custom event raised by a player: code, sender actor number (0 = server) and content. */
    default void onCustomEvent(int code, int senderActorNr, Object content) {
    }

    default void onLobbyStatistics(List<LobbyStats> stats) {
    }

    /** AppStats event: players on the master, players in rooms, number of rooms. */
    default void onAppStats(int masterPeerCount, int peerCount, int gameCount) {
    }

    /**
     * An operation failed without a caller waiting for it: e.g. a RaiseEvent or ChangeGroups the server
     * refused, or an ErrorInfo event.
     */
    default void onError(PhotonException error) {
    }
}
