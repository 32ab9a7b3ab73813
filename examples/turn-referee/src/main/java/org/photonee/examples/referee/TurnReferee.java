package org.photonee.examples.referee;

import java.util.List;
import org.photonee.core.codes.GamePropertyKey;
import org.photonee.core.fiber.Cancellable;
import org.photonee.core.plugin.JoinCall;
import org.photonee.core.plugin.PluginActor;
import org.photonee.core.plugin.PluginHost;
import org.photonee.core.plugin.RaiseEventCall;
import org.photonee.core.plugin.RoomPlugin;
import org.photonee.core.protocol.PhotonHashtable;

/**
 * A referee for turn-based rooms: once two players are in, actors move in actor-number order. A move (event
 * {@link #MOVE}) out of turn is refused with PluginReportedError; a good move passes the turn on (room property
 * {@code "turn"}). A player who lets {@code turnSeconds} pass without moving loses: everyone gets
 * {@link #GAME_OVER} and the room closes.
 */
public final class TurnReferee implements RoomPlugin {
    public static final int MOVE = 1;
    public static final int GAME_OVER = 2;
    public static final String TURN = "turn";

    private final PluginHost host;
    private final long turnMillis;
    private int turn;
    private boolean over;
    private Cancellable clock = Cancellable.NONE;

    TurnReferee(PluginHost host, long turnMillis) {
        this.host = host;
        this.turnMillis = turnMillis;
    }

    @Override
    public String name() {
        return TurnRefereeFactory.NAME;
    }

    @Override
    public void onJoin(JoinCall call) {
        call.proceed();
        if (turn == 0 && !over && host.activeActors().size() >= 2) {
            giveTurnTo(host.activeActors().get(0).actorNr());
        }
    }

    @Override
    public void onRaiseEvent(RaiseEventCall call) {
        if (call.eventCode() != MOVE) {
            call.proceed();
        } else if (over) {
            call.fail("The game is over");
        } else if (call.caller().actorNr() != turn) {
            call.fail("Not your turn: it is actor " + turn + "'s");
        } else {
            call.proceed();
            giveTurnTo(nextAfter(turn));
        }
    }

    private int nextAfter(int actorNr) {
        List<PluginActor> active = host.activeActors();
        for (PluginActor a : active) {
            if (a.actorNr() > actorNr) {
                return a.actorNr();
            }
        }
        return active.get(0).actorNr();
    }

    private void giveTurnTo(int actorNr) {
        turn = actorNr;
        host.setProperties(0, PhotonHashtable.of(TURN, actorNr), null, true);
        clock.cancel();
        clock = host.createOneTimeTimer(this::timeUp, turnMillis);
    }

    private void timeUp() {
        over = true;
        host.broadcastEvent(host.actors().stream().map(PluginActor::actorNr).toList(), 0, GAME_OVER,
                PhotonHashtable.of("reason", "timeout", "loser", turn));
        host.setProperties(0, PhotonHashtable.of(GamePropertyKey.IS_OPEN, false), null, true);
    }
}
