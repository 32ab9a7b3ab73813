package org.photonee.core.master;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.photonee.core.codes.ParameterCode;
import org.photonee.core.protocol.Parameters;

/**
 * The LobbyStats payload (op 221 and event 224): parallel arrays of lobby name (213), type (212, bytes), members
 * (229) and games (228).
 */
final class LobbyStats {
    private LobbyStats() {
    }

    /** Stats of all lobbies, at most {@code limit} (0 = all). */
    static Parameters of(Collection<AppLobby> lobbies, int limit) {
        List<AppLobby> selected = new ArrayList<>();
        for (AppLobby lobby : lobbies) {
            if (limit > 0 && selected.size() >= limit) {
                break;
            }
            selected.add(lobby);
        }
        return build(selected.stream().map(AppLobby::key).toList(), selected);
    }

    /**
     * Stats of the requested lobbies in request order; a lobby that does not exist reports zeros.
     *
     * @param lobbies the existing lobby for each key, or null
     */
    static Parameters build(List<LobbyKey> keys, List<AppLobby> lobbies) {
        int n = keys.size();
        String[] names = new String[n];
        byte[] types = new byte[n];
        int[] peers = new int[n];
        int[] games = new int[n];
        for (int i = 0; i < n; i++) {
            names[i] = keys.get(i).name();
            types[i] = (byte) keys.get(i).type();
            AppLobby lobby = lobbies.get(i);
            peers[i] = lobby == null ? 0 : lobby.memberCount();
            games[i] = lobby == null ? 0 : lobby.gameCount();
        }
        return Parameters.of(ParameterCode.LOBBY_NAME, names, ParameterCode.LOBBY_TYPE, types,
                ParameterCode.PEER_COUNT, peers, ParameterCode.GAME_COUNT, games);
    }
}
