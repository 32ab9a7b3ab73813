package org.photonee.ejb.persistence;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.photonee.persistence.GameEntryEntity;
import org.photonee.persistence.GameEntryId;
import org.photonee.persistence.GameServerEntity;
import org.photonee.persistence.LobbyEntity;
import org.photonee.persistence.LobbyId;
import org.photonee.persistence.PropertiesText;

/**
 * Writes the master's pending changes into the operator tables (game servers, games, lobbies) and reads them back
 * for the admin API. A batch is one transaction: a second's worth of changes costs one commit.
 */
@Stateless
public class MasterTables {
    /** Matches the PROPERTIES column length of {@link GameEntryEntity}. */
    private static final int PROPERTIES_MAX_CHARS = 8000;

    @PersistenceContext(unitName = "photon")
    private EntityManager em;

    /** Applies the changes in one transaction; rows are created, updated or deleted as the changes say. */
    public void write(List<MasterChange> changes, String masterNode) {
        for (MasterChange change : changes) {
            if (change instanceof MasterChange.ServerSnapshot s) {
                writeServer(s, masterNode);
            } else if (change instanceof MasterChange.ServerRemoved r) {
                GameServerEntity row = em.find(GameServerEntity.class, r.serverId());
                if (row != null) {
                    em.remove(row);
                }
            } else if (change instanceof MasterChange.GameSnapshot g) {
                writeGame(g, masterNode);
            } else if (change instanceof MasterChange.GameRemoved r) {
                GameEntryEntity row = em.find(GameEntryEntity.class,
                        new GameEntryId(r.appId(), r.appVersion(), r.gameId()));
                if (row != null) {
                    em.remove(row);
                }
            }
        }
    }

    /**
     * Deletes the game and game server rows a master wrote before it restarted: its game servers re-register and
     * re-report within seconds, and rows of games that ended meanwhile would otherwise stay forever. Committed at
     * once, before the master writes anything new.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int clearMaster(String masterNode) {
        int games = em.createQuery("DELETE FROM GameEntryEntity g WHERE g.masterNode = :m")
                .setParameter("m", masterNode).executeUpdate();
        int servers = em.createQuery("DELETE FROM GameServerEntity s WHERE s.masterNode = :m")
                .setParameter("m", masterNode).executeUpdate();
        return games + servers;
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<GameServerEntity> servers() {
        return em.createQuery("SELECT s FROM GameServerEntity s ORDER BY s.serverId", GameServerEntity.class)
                .getResultList();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<GameEntryEntity> games() {
        return em.createQuery("SELECT g FROM GameEntryEntity g ORDER BY g.appId, g.appVersion, g.createdAt, g.gameId",
                GameEntryEntity.class).getResultList();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<LobbyEntity> lobbies() {
        return em.createQuery("SELECT l FROM LobbyEntity l ORDER BY l.appId, l.appVersion, l.name, l.type",
                LobbyEntity.class).getResultList();
    }

    private void writeServer(MasterChange.ServerSnapshot s, String masterNode) {
        GameServerEntity row = em.find(GameServerEntity.class, s.serverId());
        boolean fresh = row == null;
        if (fresh) {
            row = new GameServerEntity(s.serverId(), s.atMillis());
            row.setLastReportAt(s.atMillis());
        }
        row.setMasterNode(masterNode);
        row.setAddresses(addresses(s.addresses()));
        row.setState(s.state());
        row.setConnected(s.connected());
        row.setLoadLevel(s.loadLevel());
        row.setPeerCount(s.peerCount());
        row.setGameCount(s.gameCount());
        if (s.connected()) {
            // A connected server reports its load every second; while its link is down the last time stays.
            row.setLastReportAt(s.atMillis());
        }
        if (fresh) {
            // Persisted once complete: Hibernate (WildFly) may insert at persist time, before the setters ran.
            em.persist(row);
        }
    }

    private void writeGame(MasterChange.GameSnapshot g, String masterNode) {
        GameEntryEntity row = em.find(GameEntryEntity.class, new GameEntryId(g.appId(), g.appVersion(), g.gameId()));
        boolean fresh = row == null;
        if (fresh) {
            row = new GameEntryEntity(g.appId(), g.appVersion(), g.gameId(), g.atMillis());
        }
        row.setMasterNode(masterNode);
        row.setLobbyName(g.lobbyName());
        row.setLobbyType(g.lobbyType());
        row.setServerId(g.serverId());
        row.setConfirmed(g.confirmed());
        row.setProperties(PropertiesText.of(g.lobbyProperties(), PROPERTIES_MAX_CHARS));
        row.setActivePlayers(g.activePlayers());
        row.setInactivePlayers(g.inactivePlayers());
        row.setMaxPlayers(g.maxPlayers());
        row.setOpen(g.open());
        row.setVisible(g.visible());
        row.setUpdatedAt(g.atMillis());
        if (fresh) {
            em.persist(row);
        }

        LobbyEntity lobby = em.find(LobbyEntity.class, new LobbyId(g.appId(), g.appVersion(), g.lobbyName(),
                g.lobbyType()));
        if (lobby == null) {
            em.persist(new LobbyEntity(g.appId(), g.appVersion(), g.lobbyName(), g.lobbyType(), g.atMillis()));
        } else if (lobby.getLastUsedAt() < g.atMillis()) {
            lobby.setLastUsedAt(g.atMillis());
        }
    }

    /** "protocol=url" lines in protocol order, so the column reads the same on every write. */
    private static String addresses(Map<String, String> addresses) {
        StringBuilder out = new StringBuilder();
        new TreeMap<>(addresses).forEach((protocol, url) -> {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(protocol).append('=').append(url);
        });
        return out.toString();
    }
}
