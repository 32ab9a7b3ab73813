package org.photonee.core.master;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.photonee.core.codes.EventCode;
import org.photonee.core.codes.GamePropertyKey;
import org.photonee.core.codes.LobbyType;
import org.photonee.core.codes.ParameterCode;
import org.photonee.core.peer.Broadcaster;
import org.photonee.core.peer.Peer;
import org.photonee.core.peer.SendParameters;
import org.photonee.core.protocol.EventData;
import org.photonee.core.protocol.Parameters;
import org.photonee.core.protocol.PhotonHashtable;

/**
 * One lobby: its games in creation order, the peers in it, and the list changes not yet published. Default
 * lobbies push the list to members (GameList on join, GameListUpdate batches); SQL and async-random lobbies are
 * queried instead and push nothing (LOADBALANCING.md §2.7). Touched only on the master fiber.
 */
public final class AppLobby {
    private final LobbyKey key;
    private final Map<String, GameState> games = new LinkedHashMap<>();
    private final Set<Peer> members = new LinkedHashSet<>();
    /** Game id → list entry to publish, or the Removed marker entry. Insertion order = order of change. */
    private final Map<String, PhotonHashtable> pendingChanges = new LinkedHashMap<>();
    /** Games the published list shows: only these are announced as removed. */
    private final Set<String> listed = new java.util.HashSet<>();
    /** Where SerialMatching resumes: the creation order of the last game it matched. */
    private long serialCursor = -1;

    AppLobby(LobbyKey key) {
        this.key = key;
    }

    public LobbyKey key() {
        return key;
    }

    /** Only Default lobbies push their list to members. */
    public boolean publishesGameList() {
        return key.type() == LobbyType.DEFAULT;
    }

    // ---- games ----

    void addGame(GameState game) {
        games.put(game.gameId(), game);
        gameChanged(game);
    }

    /** Records a visible change for the next GameListUpdate: listed games as entries, hidden ones as removed. */
    void gameChanged(GameState game) {
        if (!publishesGameList()) {
            return;
        }
        if (game.isListed()) {
            listed.add(game.gameId());
            pendingChanges.put(game.gameId(), game.lobbyListEntry());
        } else if (listed.remove(game.gameId())) {
            pendingChanges.put(game.gameId(), removedEntry());
        }
    }

    void removeGame(GameState game) {
        if (games.remove(game.gameId(), game) && listed.remove(game.gameId())) {
            pendingChanges.put(game.gameId(), removedEntry());
        }
    }

    private static PhotonHashtable removedEntry() {
        return PhotonHashtable.of(GamePropertyKey.REMOVED, true);
    }

    public Collection<GameState> games() {
        return Collections.unmodifiableCollection(games.values());
    }

    public int gameCount() {
        return games.size();
    }

    long serialCursor() {
        return serialCursor;
    }

    void setSerialCursor(long creationOrder) {
        this.serialCursor = creationOrder;
    }

    // ---- members ----

    /** Adds a member; in a Default lobby it gets the full GameList (230) at once. */
    void join(Peer peer, int listLimit) {
        members.add(peer);
        if (publishesGameList()) {
            peer.sendEvent(gameListEvent(EventCode.GAME_LIST, fullList(listLimit)), SendParameters.DEFAULT);
        }
    }

    void leave(Peer peer) {
        members.remove(peer);
    }

    public int memberCount() {
        return members.size();
    }

    boolean isEmpty() {
        return members.isEmpty() && games.isEmpty();
    }

    /** The listed games, oldest first, at most {@code limit} (0 = no limit). */
    PhotonHashtable fullList(int limit) {
        PhotonHashtable list = new PhotonHashtable();
        for (GameState game : games.values()) {
            if (limit > 0 && list.size() >= limit) {
                break;
            }
            if (game.isListed()) {
                list.put(game.gameId(), game.lobbyListEntry());
            }
        }
        return list;
    }

    /**
     * Sends the changes since the last call as one GameListUpdate (229) to all members, at most {@code limit}
     * entries; the rest wait for the next interval. Without members the changes are dropped: a member who joins
     * later gets the full list.
     */
    int publishChanges(int limit) {
        if (pendingChanges.isEmpty()) {
            return 0;
        }
        if (members.isEmpty()) {
            pendingChanges.clear();
            return 0;
        }
        PhotonHashtable batch = new PhotonHashtable();
        Iterator<Map.Entry<String, PhotonHashtable>> it = pendingChanges.entrySet().iterator();
        while (it.hasNext() && (limit <= 0 || batch.size() < limit)) {
            Map.Entry<String, PhotonHashtable> e = it.next();
            batch.put(e.getKey(), e.getValue());
            it.remove();
        }
        Broadcaster.broadcast(gameListEvent(EventCode.GAME_LIST_UPDATE, batch), new ArrayList<>(members),
                SendParameters.DEFAULT);
        return batch.size();
    }

    private static EventData gameListEvent(int code, PhotonHashtable list) {
        return new EventData(code, Parameters.of(ParameterCode.GAME_LIST, list));
    }

    List<Peer> membersSnapshot() {
        return new ArrayList<>(members);
    }

    @Override
    public String toString() {
        return "Lobby[" + key.name() + "/" + key.type() + "]";
    }
}
