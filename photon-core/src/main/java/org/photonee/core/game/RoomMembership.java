package org.photonee.core.game;

import java.util.function.Consumer;
import org.photonee.core.codes.DisconnectReason;
import org.photonee.core.peer.Peer;
import org.photonee.core.peer.SessionLog;
import org.photonee.core.peer.SendParameters;
import org.photonee.core.protocol.OperationRequest;
import org.photonee.core.room.Actor;
import org.photonee.core.room.Room;
import org.photonee.core.room.RoomMember;

/**
 * The link between one game-server peer and the room it joined (or is joining). The room calls it on the room
 * fiber, the peer on its request fiber; the two meet under this object's lock, so a connection that drops while
 * its join is still on the way still ends up as a disconnect in the room.
 */
final class RoomMembership implements RoomMember {
    private final GameSession session;
    private InRoomHandler handler;
    private Room room;
    private DisconnectReason disconnected;
    private final long createdNanos = System.nanoTime();
    private int actorNr;

    RoomMembership(GameSession session) {
        this.session = session;
    }

    @Override
    public Peer peer() {
        return session.peer;
    }

    GameSession session() {
        return session;
    }

    @Override
    public void joined(Room joinedRoom, Actor actor) {
        DisconnectReason gone;
        synchronized (this) {
            room = joinedRoom;
            gone = disconnected;
            handler = new InRoomHandler(this);
            actorNr = actor.actorNr();
        }
        session.peer.environment().stats().joined(System.nanoTime() - createdNanos);
        SessionLog.joined(session.peer.connectionId(), userId(), joinedRoom.gameId(), actor.actorNr());
        if (gone != null) {
            joinedRoom.fiber().enqueue(() -> joinedRoom.disconnect(this, gone.code()));
        } else {
            session.peer.setCurrentOperationHandler(handler);
        }
    }

    @Override
    public void joinFailed(short returnCode) {
        if (session.peer.isConnected()) {
            session.peer.setCurrentOperationHandler(new AuthenticatedHandler(session));
        }
    }

    @Override
    public void left(Room leftRoom) {
        InRoomHandler current;
        synchronized (this) {
            current = handler;
            room = null;
        }
        SessionLog.left(session.peer.connectionId(), userId(), leftRoom.gameId(), actorNr, "leave");
        if (current != null && session.peer.currentOperationHandler() == current) {
            session.peer.setCurrentOperationHandler(new AuthenticatedHandler(session));
        }
    }

    void peerDisconnected(DisconnectReason reason) {
        Room current;
        synchronized (this) {
            disconnected = reason;
            current = room;
        }
        if (current != null) {
            SessionLog.left(session.peer.connectionId(), userId(), current.gameId(), actorNr, reason.name());
            current.fiber().enqueue(() -> current.disconnect(this, reason.code()));
        }
    }

    private String userId() {
        return session.token() == null ? null : session.token().userId();
    }

    /**
     * Runs an operation on the room's fiber. A failure there is answered like one on the peer's fiber, with the
     * application's exception mapping, so the client is never left waiting.
     */
    void onRoomFiber(OperationRequest request, Consumer<Room> operation) {
        Room current;
        synchronized (this) {
            current = room;
        }
        if (current == null) {
            return;
        }
        current.fiber().enqueue(() -> {
            try {
                operation.accept(current);
            } catch (RuntimeException e) {
                session.peer.sendOperationResponse(session.peer.exceptionResponse(request, e),
                        SendParameters.DEFAULT);
            }
        });
    }
}
