package org.photonee.client;

import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.photonee.core.codes.GamePropertyKey;
import org.photonee.core.codes.RoomOptionFlags;
import org.photonee.core.protocol.Values;

/**
 * The room this client is in, as it last heard about it: properties, players and the master client. Updated by
 * the client from the join response and room events; readable from any thread.
 */
public final class Room {
    private final String name;
    private final int localActorNr;
    private final int optionFlags;
    private final NavigableMap<Integer, Player> players = new ConcurrentSkipListMap<>();
    private volatile Map<Object, Object> properties = Properties.EMPTY;
    private volatile int masterClientId;

    Room(String name, int localActorNr, int optionFlags) {
        this.name = name;
        this.localActorNr = localActorNr;
        this.optionFlags = optionFlags;
    }

    public String name() {
        return name;
    }

    /** This client's actor number in the room. */
    public int localActorNr() {
        return localActorNr;
    }

    public Player localPlayer() {
        return players.get(localActorNr);
    }

    /** Players by actor number, inactive ones included; an unmodifiable live view. */
    public Map<Integer, Player> players() {
        return Collections.unmodifiableMap(players);
    }

    public Player player(int actorNr) {
        return players.get(actorNr);
    }

    /** Number of active players. */
    public int playerCount() {
        int n = 0;
        for (Player p : players.values()) {
            if (!p.isInactive()) {
                n++;
            }
        }
        return n;
    }

    /** The master client's actor number: the server's choice, else the lowest active actor. */
    public int masterClientId() {
        int m = masterClientId;
        if (m > 0) {
            return m;
        }
        for (Player p : players.values()) {
            if (!p.isInactive()) {
                return p.actorNr();
            }
        }
        return 0;
    }

    public boolean isLocalMasterClient() {
        return masterClientId() == localActorNr;
    }

    /** Room properties, well-known byte keys included. An unmodifiable snapshot. */
    public Map<Object, Object> properties() {
        return properties;
    }

    public Object property(Object key) {
        return properties.get(key);
    }

    /** MaxPlayers (0 = unlimited). */
    public int maxPlayers() {
        return Values.toInt(Properties.wellKnown(properties, GamePropertyKey.MAX_PLAYERS), 0);
    }

    public boolean isOpen() {
        return Values.toBoolean(Properties.wellKnown(properties, GamePropertyKey.IS_OPEN), true);
    }

    public boolean isVisible() {
        return Values.toBoolean(Properties.wellKnown(properties, GamePropertyKey.IS_VISIBLE), true);
    }

    /** The RoomOptionFlags the server reported on join (0 when it sent none). */
    public int optionFlags() {
        return optionFlags;
    }

    boolean deletesNullProperties() {
        return (optionFlags & RoomOptionFlags.DELETE_NULL_PROPS) != 0;
    }

    Player addOrGetPlayer(int actorNr) {
        return players.computeIfAbsent(actorNr, nr -> new Player(nr, nr == localActorNr));
    }

    Player removePlayer(int actorNr) {
        return players.remove(actorNr);
    }

    void setProperties(Map<?, ?> all) {
        properties = Properties.snapshot(all);
        readMaster(all);
    }

    void mergeProperties(Map<?, ?> changes) {
        properties = Properties.merge(properties, changes, deletesNullProperties());
        readMaster(changes);
    }

    void setMasterClientId(int actorNr) {
        masterClientId = actorNr;
    }

    private void readMaster(Map<?, ?> changes) {
        Object m = Properties.wellKnown(changes, GamePropertyKey.MASTER_CLIENT_ID);
        if (m != null && Values.isIntegral(m)) {
            masterClientId = Values.toInt(m);
        }
    }

    @Override
    public String toString() {
        return "Room[" + name + ", players=" + players.keySet() + ", master=" + masterClientId() + "]";
    }
}
