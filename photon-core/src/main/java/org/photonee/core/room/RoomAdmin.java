package org.photonee.core.room;

import org.photonee.core.codes.EventCode;
import org.photonee.core.codes.LeaveReason;
import org.photonee.core.codes.ParameterCode;
import org.photonee.core.peer.Peer;
import org.photonee.core.peer.SendParameters;
import org.photonee.core.protocol.EventData;
import org.photonee.core.protocol.Parameters;

/**
 * An operator's actions on a room, run on the room's fiber. A removed actor is told why (ErrorInfo with the
 * operator's message), leaves for good (the others get Leave) and its connection to the game server is closed, as
 * a plugin's RemoveActor does in Photon.
 */
final class RoomAdmin {
    private RoomAdmin() {
    }

    /**
     * Removes one actor, active or inactive; call on the room's fiber.
     *
     * @return false when the room has no such actor
     */
    static boolean removeActor(Room room, int actorNr, String message) {
        Actor actor = room.actor(actorNr);
        if (actor == null) {
            return false;
        }
        RoomMember member = actor.member();
        Peer peer = actor.peer();
        room.remove(actor, LeaveReason.MANAGED_DISCONNECT);
        if (member != null) {
            tellAndDisconnect(room, member, peer, message);
        }
        room.scheduleUnloadIfEmpty();
        room.reportIfChanged();
        return true;
    }

    /** Tells every connected actor the room closes and closes their connections; call before unloading. */
    static void disconnectAll(Room room, String message) {
        for (Actor a : room.actors()) {
            if (a.isActive()) {
                tellAndDisconnect(room, a.member(), a.peer(), message);
            }
        }
    }

    private static void tellAndDisconnect(Room room, RoomMember member, Peer peer, String message) {
        peer.sendEvent(new EventData(EventCode.ERROR_INFO, Parameters.of(ParameterCode.INFO, message)),
                SendParameters.DEFAULT.withFlush(true));
        member.left(room);
        peer.disconnect();
    }
}
