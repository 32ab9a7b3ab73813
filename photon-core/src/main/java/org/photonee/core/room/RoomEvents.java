package org.photonee.core.room;

import static org.photonee.core.room.RequestValues.invalid;

import java.util.Map;
import org.photonee.core.codes.EventCaching;
import org.photonee.core.codes.EventCode;
import org.photonee.core.codes.OperationCode;
import org.photonee.core.codes.ParameterCode;
import org.photonee.core.codes.ReceiverGroup;
import org.photonee.core.peer.SendParameters;
import org.photonee.core.protocol.EventData;
import org.photonee.core.protocol.OperationResponse;
import org.photonee.core.protocol.Parameters;
import org.photonee.core.protocol.Values;

/**
 * RaiseEvent of one {@link Room} (LOADBALANCING.md §2.10): validation, receivers (ReceiverGroup, interest group or
 * target actors), the event cache operations (add, merge, replace, remove, slices) and their answers. On the room
 * fiber, like the room; a refusal is answered to the sender with its return code.
 */
final class RoomEvents {
    private final Room room;

    RoomEvents(Room room) {
        this.room = room;
    }

    /** The plugin's OnRaiseEvent first (unless the room's plugin passes everything), then the relay or cache. */
    void raise(Actor sender, Parameters p, SendParameters sendParameters) {
        PluginGate plugins = room.plugins();
        if (plugins.passesEverything()) {
            relayEvent(sender, p, sendParameters);
            return;
        }
        plugins.onRaiseEvent(PluginGate.callerOf(sender), p, Outcomes.of(
                () -> {
                    if (room.actor(sender.actorNr()) == sender) {
                        relayEvent(sender, p, sendParameters);
                    }
                },
                (message, data) -> Room.answerPluginError(sender, OperationCode.RAISE_EVENT, message, data)));
    }

    private void relayEvent(Actor sender, Parameters p, SendParameters sendParameters) {
        try {
            dispatch(sender, p, sendParameters);
        } catch (RoomException e) {
            if (sender.isActive()) {
                sender.peer().sendOperationResponse(OperationResponse.error(
                        OperationCode.RAISE_EVENT, e.returnCode(), e.getMessage()),
                        SendParameters.DEFAULT);
            }
        }
    }

    private void dispatch(Actor sender, Parameters p, SendParameters sendParameters) throws RoomException {
        Object codeValue = p.get(ParameterCode.CODE);
        if (codeValue == null) {
            throw invalid("Missing parameter Code (244)");
        }
        int code = RequestValues.optionalInt(codeValue, 0, "Code");
        int cacheOp = RequestValues.optionalInt(p.get(ParameterCode.CACHE), EventCaching.DO_NOT_CACHE, "Cache");
        int receiverGroup = RequestValues.optionalInt(p.get(ParameterCode.RECEIVER_GROUP), ReceiverGroup.OTHERS,
                "ReceiverGroup");
        int group = RequestValues.optionalInt(p.get(ParameterCode.GROUP), 0, "Group");
        int[] targets = RequestValues.optionalIntArray(p.get(ParameterCode.ACTORS), "Actors");
        Object data = p.get(ParameterCode.DATA);
        if (receiverGroup < ReceiverGroup.OTHERS || receiverGroup > ReceiverGroup.MASTER_CLIENT) {
            throw invalid("Invalid ReceiverGroup " + receiverGroup);
        }
        if (group < 0 || group > 255) {
            throw invalid("Invalid interest group " + group);
        }
        if (isCacheControl(cacheOp)) {
            controlCache(sender, cacheOp, code, targets, data, p);
            return;
        }
        if (cacheOp < EventCaching.DO_NOT_CACHE || cacheOp > EventCaching.ADD_TO_ROOM_CACHE_GLOBAL) {
            throw invalid("Invalid cache operation " + cacheOp);
        }
        if (code < 0 || code > EventCode.MAX_CUSTOM_EVENT_CODE) {
            throw invalid("Raising of photon events (higher than " + EventCode.MAX_CUSTOM_EVENT_CODE
                    + ") is not allowed");
        }
        SendParameters sp = Values.toBoolean(p.get(ParameterCode.FLUSH), false)
                ? sendParameters.withFlush(true) : sendParameters;
        EventData event = Room.customEvent(code, sender.actorNr(), data);
        if (targets != null) {
            room.broadcast(event, room.collectTargets(targets), sp);
        } else if (group != 0) {
            room.broadcast(event, room.collectGroup(group, sender.actorNr()), sp);
        } else {
            room.broadcast(event, room.collectReceiverGroup(receiverGroup, sender.actorNr()), sp);
            if (receiverGroup != ReceiverGroup.MASTER_CLIENT && cacheOp != EventCaching.DO_NOT_CACHE) {
                cacheEvent(sender, cacheOp, code, data);
            }
        }
    }

    private static boolean isCacheControl(int cacheOp) {
        return cacheOp == EventCaching.REMOVE_FROM_ROOM_CACHE
                || cacheOp == EventCaching.REMOVE_FROM_CACHE_FOR_ACTORS_LEFT
                || (cacheOp >= EventCaching.SLICE_INCREASE_INDEX && cacheOp <= EventCaching.SLICE_PURGE_UP_TO_INDEX);
    }

    private void cacheEvent(Actor sender, int cacheOp, int code, Object data) {
        switch (cacheOp) {
            case EventCaching.MERGE_CACHE -> room.cache().merge(sender.actorNr(), code, data);
            case EventCaching.REPLACE_CACHE -> room.cache().replace(sender.actorNr(), code, data);
            case EventCaching.REMOVE_CACHE -> room.cache().removeActorEvent(sender.actorNr(), code);
            case EventCaching.ADD_TO_ROOM_CACHE -> room.cache().add(sender.actorNr(), sender.actorNr(), code, data);
            case EventCaching.ADD_TO_ROOM_CACHE_GLOBAL -> room.cache().add(0, sender.actorNr(), code, data);
            default -> throw new IllegalArgumentException("not a caching operation: " + cacheOp);
        }
        room.closeIfCacheOverLimit();
    }

    /** Cache operations that change the cache without sending the event. */
    private void controlCache(Actor sender, int cacheOp, int code, int[] targets, Object data, Parameters p)
            throws RoomException {
        switch (cacheOp) {
            case EventCaching.REMOVE_FROM_ROOM_CACHE -> {
                Map<?, ?> filter = RequestValues.optionalTable(data, "Data");
                room.cache().remove(code, targets, filter);
                sender.peer().sendOperationResponse(OperationResponse.ok(
                        OperationCode.RAISE_EVENT), SendParameters.DEFAULT);
            }
            case EventCaching.REMOVE_FROM_CACHE_FOR_ACTORS_LEFT -> room.cache().removeOwnersNotIn(nr -> room.actor(nr) != null);
            case EventCaching.SLICE_INCREASE_INDEX -> publishSlice(room.cache().increaseSlice());
            case EventCaching.SLICE_SET_INDEX -> publishSlice(room.cache().setSlice(sliceIndex(p)));
            case EventCaching.SLICE_PURGE_INDEX -> room.cache().purgeSlice(sliceIndex(p));
            case EventCaching.SLICE_PURGE_UP_TO_INDEX -> room.cache().purgeSlicesBelow(sliceIndex(p));
            default -> throw invalid("Invalid cache operation " + cacheOp);
        }
        room.closeIfCacheOverLimit();
    }

    private static int sliceIndex(Parameters p) throws RoomException {
        Object value = p.get(ParameterCode.CACHE_SLICE_INDEX);
        if (value == null) {
            throw invalid("Missing parameter CacheSliceIndex (205)");
        }
        int index = RequestValues.optionalInt(value, 0, "CacheSliceIndex");
        if (index < 0) {
            throw invalid("CacheSliceIndex must not be negative, got " + index);
        }
        return index;
    }

    private void publishSlice(int slice) {
        room.broadcast(new EventData(EventCode.CACHE_SLICE_CHANGED, Parameters.of(ParameterCode.CACHE_SLICE_INDEX, slice)),
                room.collectActive(0), SendParameters.DEFAULT);
    }
}
