package org.photonee.ejb.persistence;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.photonee.persistence.RoomStateEntity;
import org.photonee.persistence.RoomStateId;

/**
 * The rows of persistent rooms. Every write is its own transaction (REQUIRED, called from room fibers that run
 * none), committed when the method returns: the caller may unload the room afterwards knowing the state is stored.
 */
@Stateless
public class RoomStates {
    @PersistenceContext(unitName = "photon")
    private EntityManager em;

    /** A stored room state: its format version and bytes. */
    public record Stored(int formatVersion, byte[] data) {
    }

    /** What the admin API shows of a stored room (no blob). */
    public record Summary(String appId, String appVersion, String gameId, int actorCount, int bytes,
                          int formatVersion, long savedAt) {
    }

    /** Inserts or replaces the state of a room. */
    public void save(String appId, String gameId, String appVersion, int formatVersion, byte[] data, int actorCount,
                     long savedAt) {
        RoomStateEntity row = em.find(RoomStateEntity.class, new RoomStateId(appId, gameId));
        if (row == null) {
            row = new RoomStateEntity(appId, gameId);
            row.update(appVersion, formatVersion, data, actorCount, savedAt);
            em.persist(row);
        } else {
            row.update(appVersion, formatVersion, data, actorCount, savedAt);
        }
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<Stored> load(String appId, String gameId) {
        RoomStateEntity row = em.find(RoomStateEntity.class, new RoomStateId(appId, gameId));
        return row == null ? Optional.empty() : Optional.of(new Stored(row.getFormatVersion(), row.getData()));
    }

    /** Whether a room is saved; a count, so the state blob is not read. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean exists(String appId, String gameId) {
        return em.createQuery("SELECT COUNT(r) FROM RoomStateEntity r WHERE r.appId = :a AND r.gameId = :g",
                        Long.class).setParameter("a", appId).setParameter("g", gameId).getSingleResult() > 0;
    }

    /** Deletes the room's row; true when there was one. */
    public boolean delete(String appId, String gameId) {
        return em.createQuery("DELETE FROM RoomStateEntity r WHERE r.appId = :a AND r.gameId = :g")
                .setParameter("a", appId).setParameter("g", gameId).executeUpdate() > 0;
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Summary> summaries() {
        // A projection: listing rooms must not load their blobs.
        return em.createQuery("SELECT r.appId, r.appVersion, r.gameId, r.actorCount, r.dataBytes, r.formatVersion,"
                        + " r.savedAt FROM RoomStateEntity r ORDER BY r.appId, r.gameId", Object[].class)
                .getResultList().stream()
                .map(r -> new Summary((String) r[0], (String) r[1], (String) r[2], ((Number) r[3]).intValue(),
                        ((Number) r[4]).intValue(), ((Number) r[5]).intValue(), ((Number) r[6]).longValue()))
                .toList();
    }
}
