package org.photonee.core.room;

import static org.photonee.core.room.RequestValues.invalid;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.photonee.core.codes.ActorPropertyKey;
import org.photonee.core.codes.EventCode;
import org.photonee.core.codes.OperationCode;
import org.photonee.core.codes.ParameterCode;
import org.photonee.core.codes.RoomOptionFlags;
import org.photonee.core.peer.SendParameters;
import org.photonee.core.plugin.Caller;
import org.photonee.core.plugin.PropertyRequest;
import org.photonee.core.protocol.EventData;
import org.photonee.core.protocol.OperationResponse;
import org.photonee.core.protocol.Parameters;
import org.photonee.core.protocol.PhotonHashtable;
import org.photonee.core.protocol.Values;

/**
 * Room and actor properties of one {@link Room} (LOADBALANCING.md §2.10): SetProperties with CAS, null deletion and
 * PropertiesChanged, through the plugin's BeforeSetProperties / OnSetProperties, and GetProperties. On the room
 * fiber, like the room.
 */
final class RoomProperties {
    private final Room room;

    RoomProperties(Room room) {
        this.room = room;
    }

    /**
     * SetProperties (252) of the room (ActorNr absent or 0) or of an actor, optionally with CAS: validated, then
     * the plugin's BeforeSetProperties, the update, and its OnSetProperties before the answer.
     */
    void set(Actor sender, Parameters p) {
        int op = OperationCode.SET_PROPERTIES;
        PropertyUpdate update;
        try {
            update = PropertyUpdate.parse(p);
        } catch (RoomException e) {
            sender.peer().sendOperationResponse(OperationResponse.error(op, e.returnCode(), e.getMessage()),
                    SendParameters.DEFAULT);
            return;
        }
        PropertyRequest request = new PropertyRequest(update.targetActorNr(), update.properties(), update.expected(),
                update.broadcast(), Values.toInt(p.get(ParameterCode.WEB_FLAGS), 0));
        Caller caller = PluginGate.callerOf(sender);
        room.plugins().beforeSetProperties(caller, request, Outcomes.of(
                () -> {
                    if (!apply(sender, update, true)) {
                        return;
                    }
                    room.plugins().onSetProperties(caller, request, Outcomes.of(
                            () -> {
                                if (sender.isActive()) {
                                    sender.peer().sendOperationResponse(OperationResponse.ok(op),
                                            SendParameters.DEFAULT);
                                }
                            },
                            (message, data) -> Room.answerPluginError(sender, op, message, data)));
                },
                (message, data) -> Room.answerPluginError(sender, op, message, data)));
    }

    /**
     * Sets properties for a client (answering a refusal to it when {@code answerRefusal}) or for the plugin.
     * A refusal is reported to the plugin when it had a say in the update.
     */
    boolean apply(Actor sender, PropertyUpdate update, boolean answerRefusal) {
        try {
            if (update.targetActorNr() == 0) {
                setGameProperties(sender, update);
            } else {
                setActorProperties(sender, update);
            }
            return true;
        } catch (RoomException e) {
            room.plugins().reportRefusedProperties(update.isCas() && e.getMessage().startsWith("CAS"), e);
            if (answerRefusal && sender != null && sender.isActive()) {
                sender.peer().sendOperationResponse(OperationResponse.error(OperationCode.SET_PROPERTIES,
                        e.returnCode(), e.getMessage()), SendParameters.DEFAULT);
            }
            return false;
        }
    }

    private void setGameProperties(Actor sender, PropertyUpdate update) throws RoomException {
        GamePropertyChange change = GamePropertyChange.validate(update, room);
        update.checkExpected(room.gameProperties());
        change.applyTo(room);
        for (Map.Entry<Object, Object> e : update.properties().entrySet()) {
            if (!WellKnownProperties.isWellKnownGameKey(e.getKey())) {
                putOrDelete(room.customProperties(), e.getKey(), e.getValue());
            }
        }
        publishPropertiesChanged(sender, 0, update);
        room.reportIfChanged();
    }

    private void setActorProperties(Actor sender, PropertyUpdate update) throws RoomException {
        Actor target = room.actor(update.targetActorNr());
        if (target == null) {
            throw invalid("Actor " + update.targetActorNr() + " is not in the room");
        }
        PhotonHashtable props = update.properties();
        String nickname = WellKnownProperties.nickname(props.get(ActorPropertyKey.NICKNAME));
        update.checkExpected(target.visibleProperties(true));
        props.keySet().removeIf(WellKnownProperties::isServerOwnedActorKey);
        for (Map.Entry<Object, Object> e : props.entrySet()) {
            putOrDelete(target.properties(), e.getKey(), e.getValue());
        }
        if (props.containsKey(ActorPropertyKey.NICKNAME)) {
            target.setNickname(nickname);
        }
        publishPropertiesChanged(sender, target.actorNr(), update);
    }

    private void putOrDelete(PhotonHashtable table, Object key, Object value) {
        if (value == null && room.hasFlag(RoomOptionFlags.DELETE_NULL_PROPS)) {
            table.remove(key);
        } else {
            table.put(key, value);
        }
    }

    /** Sent when asked (Broadcast) or with CAS; to everyone with CAS or BroadcastPropsChangeToAll, else others. */
    private void publishPropertiesChanged(Actor sender, int targetActorNr, PropertyUpdate update) {
        if (!update.broadcast() && !update.isCas()) {
            return;
        }
        boolean toAll = update.isCas() || room.hasFlag(RoomOptionFlags.BROADCAST_PROPS_CHANGE_TO_ALL);
        int senderNr = sender == null ? 0 : sender.actorNr();
        EventData event = changedEvent(senderNr, targetActorNr, update.properties());
        room.broadcast(event, room.collectActive(toAll ? 0 : senderNr), SendParameters.DEFAULT);
    }

    static EventData changedEvent(int senderActorNr, int targetActorNr, PhotonHashtable props) {
        return new EventData(EventCode.PROPERTIES_CHANGED, Parameters.of(ParameterCode.TARGET_ACTOR_NR, targetActorNr,
                ParameterCode.PROPERTIES, props, ParameterCode.ACTOR_NR, senderActorNr));
    }

    /** GetProperties (251): game (1), actor (2) or both (3) property sets, optionally narrowed to keys and actors. */
    void get(Actor sender, Parameters p) {
        int op = OperationCode.GET_PROPERTIES;
        try {
            int type = RequestValues.optionalInt(p.get(ParameterCode.PROPERTY_TYPE), 3, "PropertyType");
            int[] actorNrs = RequestValues.optionalIntArray(p.get(ParameterCode.ACTORS), "Actors");
            List<Object> gameKeys = RequestValues.optionalList(p.get(ParameterCode.GAME_PROPERTY_KEYS),
                    "GamePropertyKeys");
            List<Object> actorKeys = RequestValues.optionalList(p.get(ParameterCode.ACTOR_PROPERTY_KEYS),
                    "ActorPropertyKeys");
            Parameters response = new Parameters(2);
            if ((type & 1) != 0) {
                response.put(ParameterCode.GAME_PROPERTIES, filtered(room.gameProperties(), gameKeys));
            }
            if ((type & 2) != 0) {
                PhotonHashtable all = new PhotonHashtable();
                for (Actor a : room.actors()) {
                    if (actorNrs == null || Arrays.stream(actorNrs).anyMatch(n -> n == a.actorNr())) {
                        all.put(a.actorNr(), filtered(a.visibleProperties(room.publishUserId()), actorKeys));
                    }
                }
                response.put(ParameterCode.ACTOR_PROPERTIES, all);
            }
            sender.peer().sendOperationResponse(OperationResponse.ok(op, response), SendParameters.DEFAULT);
        } catch (RoomException e) {
            sender.peer().sendOperationResponse(OperationResponse.error(op, e.returnCode(), e.getMessage()),
                    SendParameters.DEFAULT);
        }
    }

    private static PhotonHashtable filtered(PhotonHashtable table, List<Object> keys) {
        if (keys == null) {
            return table;
        }
        PhotonHashtable out = new PhotonHashtable();
        for (Object k : keys) {
            if (table.containsKey(k)) {
                out.put(k, table.get(k));
            }
        }
        return out;
    }
}
