package org.photonee.core.room;

/**
 * One event kept in a room's cache and replayed to joiners.
 *
 * @param ownerActorNr  whose cache entry it is: the sender, or 0 for AddToRoomCacheGlobal (kept when the sender
 *                      leaves, not matched by actor filters)
 * @param senderActorNr the actor number replayed as the event's sender (ActorNr 254)
 * @param code          event code
 * @param data          event content (Data 245), may be null
 * @param slice         cache slice the event belongs to
 */
public record CachedEvent(int ownerActorNr, int senderActorNr, int code, Object data, int slice) {
}
