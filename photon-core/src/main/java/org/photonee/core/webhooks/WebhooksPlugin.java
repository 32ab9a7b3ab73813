package org.photonee.core.webhooks;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.photonee.core.codes.LeaveReason;
import org.photonee.core.http.HttpCall;
import org.photonee.core.http.WebJson;
import org.photonee.core.plugin.Caller;
import org.photonee.core.plugin.CloseGameCall;
import org.photonee.core.plugin.CreateGameCall;
import org.photonee.core.plugin.JoinCall;
import org.photonee.core.plugin.LeaveCall;
import org.photonee.core.plugin.PluginCall;
import org.photonee.core.plugin.PluginHost;
import org.photonee.core.plugin.RaiseEventCall;
import org.photonee.core.plugin.RoomPlugin;
import org.photonee.core.plugin.SetPropertiesCall;
import org.photonee.core.plugin.WebFlags;
import org.photonee.core.room.RoomOptions;
import org.photonee.core.room.RoomState;

/**
 * Photon's WebHooks 1.2 as a room plugin (LOADBALANCING.md §3.2). Create, Load, and forwarded events or
 * properties with SendSync wait for the service (the client is refused with its message when it fails); Join,
 * Leave and other forwards go asynchronously; Close or Save holds the room until answered. With HasErrorInfo every
 * failed call is also told to the room as ErrorInfo (251).
 */
public final class WebhooksPlugin implements RoomPlugin {
    public static final String NAME = "Webhooks";
    public static final String VERSION = "1.2";

    private final PluginHost host;
    private final WebhookSettings settings;
    private final String region;

    WebhooksPlugin(PluginHost host, WebhookSettings settings, String region) {
        this.host = host;
        this.settings = settings;
        this.region = region;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String version() {
        return VERSION;
    }

    @Override
    public void onCreateGame(CreateGameCall call) {
        if (call.isJoin()) {
            load(call);
            return;
        }
        if (settings.pathCreate().isEmpty()) {
            call.proceed();
            return;
        }
        Map<String, Object> body = body("Create", call.caller());
        body.put("ActorNr", 1);
        body.put("CreateOptions", createOptions(host.state().options()));
        post(settings.pathCreate(), "Create", body, call, answer -> decide(call, answer));
    }

    /** A join for a room not in memory: the service returns the saved State, or nothing for a new room. */
    private void load(CreateGameCall call) {
        String path = settings.pathLoad().isEmpty() ? settings.pathCreate() : settings.pathLoad();
        if (path.isEmpty()) {
            call.proceed();
            return;
        }
        Map<String, Object> body = body("Load", call.caller());
        body.put("CreateIfNotExists", call.createIfNotExists());
        post(path, "Load", body, call, answer -> {
            if (!answer.ok()) {
                call.fail(answer.message());
                return;
            }
            if (answer.state() != null && !(answer.state() instanceof Map<?, ?> m && m.isEmpty())) {
                RoomState state;
                try {
                    state = GameStateJson.fromJson(answer.state(), host.gameId(), host.appId(), host.appVersion());
                } catch (IllegalArgumentException e) {
                    call.fail("Webhook Load returned an unusable State: " + e.getMessage());
                    return;
                }
                host.setState(state);
            }
            call.proceed();
        });
    }

    @Override
    public void onJoin(JoinCall call) {
        call.proceed();
        if (!settings.pathJoin().isEmpty()) {
            Map<String, Object> body = body("Join", call.caller());
            body.put("ActorNr", call.caller().actorNr());
            post(settings.pathJoin(), "Join", body, null, answer -> { });
        }
    }

    @Override
    public void onLeave(LeaveCall call) {
        call.proceed();
        if (!settings.pathLeave().isEmpty()) {
            String type = leaveType(call.reason());
            Map<String, Object> body = body(type, call.caller());
            body.put("ActorNr", call.caller().actorNr());
            body.put("IsInactive", call.isInactive());
            body.put("Reason", call.reason());
            // Active actors once this one is gone: the hook runs just before the room lets it go.
            body.put("ActorCount", (int) host.activeActors().stream()
                    .filter(a -> a.actorNr() != call.caller().actorNr()).count());
            post(settings.pathLeave(), type, body, null, answer -> { });
        }
    }

    @Override
    public void onRaiseEvent(RaiseEventCall call) {
        int flags = call.webFlags();
        if (!WebFlags.has(flags, WebFlags.HTTP_FORWARD) || settings.pathEvent().isEmpty()) {
            call.proceed();
            return;
        }
        Map<String, Object> body = body("Event", call.caller());
        body.put("ActorNr", call.caller().actorNr());
        body.put("EvCode", call.eventCode());
        body.put("Data", call.data());
        forward(settings.pathEvent(), "Event", body, flags, call.caller(), call);
    }

    @Override
    public void onSetProperties(SetPropertiesCall call) {
        int flags = call.request().webFlags();
        if (!WebFlags.has(flags, WebFlags.HTTP_FORWARD) || settings.pathGameProperties().isEmpty()) {
            call.proceed();
            return;
        }
        Map<String, Object> body = body("GameProperties", call.caller());
        body.put("ActorNr", call.caller().actorNr());
        body.put("Properties", call.request().properties());
        if (call.request().targetActorNr() != 0) {
            body.put("TargetActor", call.request().targetActorNr());
        }
        forward(settings.pathGameProperties(), "GameProperties", body, flags, call.caller(), call);
    }

    /** An HttpForward of a client operation: SendSync waits for the service, else the operation goes on now. */
    private void forward(String path, String type, Map<String, Object> body, int flags, Caller caller,
                         PluginCall call) {
        if (WebFlags.has(flags, WebFlags.SEND_STATE)) {
            body.put("State", GameStateJson.toJson(host.state()));
        }
        if (WebFlags.has(flags, WebFlags.SEND_AUTH_COOKIE)) {
            body.put("AuthCookie", caller.authCookie());
        }
        if (WebFlags.has(flags, WebFlags.SEND_SYNC)) {
            post(path, type, body, call, answer -> decide(call, answer));
        } else {
            call.proceed();
            post(path, type, body, null, answer -> { });
        }
    }

    @Override
    public void onCloseGame(CloseGameCall call) {
        if (settings.pathClose().isEmpty() || call.failedOnCreate()) {
            call.proceed();
            return;
        }
        boolean save = settings.persistent() && call.actorCount() > 0;
        String type = save ? "Save" : "Close";
        Map<String, Object> body = base(type);
        body.put("ActorCount", call.actorCount());
        if (save) {
            body.put("State", GameStateJson.toJson(host.state()));
        }
        // The room stays until the service answered (or the queue timed out), so a Save is never lost to a race.
        post(settings.pathClose(), type, body, call, answer -> call.proceed());
    }

    private static void decide(PluginCall call, WebhookAnswer answer) {
        if (answer.ok()) {
            call.proceed();
        } else {
            call.fail(answer.message());
        }
    }

    private void post(String path, String type, Map<String, Object> body, PluginCall waiting,
                      Consumer<WebhookAnswer> then) {
        URI uri = settings.baseUrl().resolve(path, host.appId(), host.appVersion(), region);
        HttpCall request = HttpCall.postJson(uri, WebJson.write(body), settings.customHttpHeaders());
        Consumer<org.photonee.core.http.HttpOutcome> callback = outcome -> {
            WebhookAnswer answer = WebhookAnswer.of(type, outcome);
            if (!answer.ok()) {
                host.logger().log(System.Logger.Level.WARNING, "room {0}: {1}", host.gameId(), answer.message());
                if (settings.errorInfo()) {
                    host.broadcastErrorInfo(answer.message());
                }
            }
            then.accept(answer);
        };
        if (waiting == null) {
            host.httpRequest(request, callback);
        } else {
            host.httpRequest(request, waiting, callback);
        }
    }

    private Map<String, Object> base(String type) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("AppId", host.appId());
        body.put("AppVersion", host.appVersion());
        body.put("Region", region);
        body.put("GameId", host.gameId());
        body.put("Type", type);
        return body;
    }

    private Map<String, Object> body(String type, Caller caller) {
        Map<String, Object> body = base(type);
        body.put("UserId", caller.userId());
        body.put("Nickname", caller.nickname() == null ? "" : caller.nickname());
        return body;
    }

    private static Map<String, Object> createOptions(RoomOptions o) {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("MaxPlayers", o.maxPlayers());
        options.put("IsOpen", o.open());
        options.put("IsVisible", o.visible());
        options.put("EmptyRoomTTL", o.emptyRoomTtlMillis());
        options.put("PlayerTTL", o.playerTtlMillis());
        options.put("LobbyId", o.lobbyName());
        options.put("LobbyType", o.lobbyType());
        options.put("CustomProperties", o.customProperties());
        options.put("LobbyProperties", o.lobbyPropertyKeys().toArray());
        options.put("RoomFlags", o.flags());
        return options;
    }

    /** Photon names a leave's Type after its reason. */
    static String leaveType(int reason) {
        return switch (reason) {
            case LeaveReason.CLIENT_DISCONNECT -> "ClientDisconnect";
            case LeaveReason.CLIENT_TIMEOUT_DISCONNECT -> "ClientTimeoutDisconnect";
            case LeaveReason.MANAGED_DISCONNECT -> "ManagedDisconnect";
            case LeaveReason.SERVER_DISCONNECT -> "ServerDisconnect";
            case LeaveReason.TIMEOUT_DISCONNECT -> "TimeoutDisconnect";
            case LeaveReason.CONNECT_TIMEOUT -> "ConnectTimeout";
            case LeaveReason.SWITCH_ROOM -> "SwitchRoom";
            case LeaveReason.LEAVE_REQUEST -> "LeaveRequest";
            case LeaveReason.PLAYER_TTL_TIMED_OUT -> "PlayerTtlTimedOut";
            case LeaveReason.PEER_LAST_TOUCH_TIMED_OUT -> "PeerLastTouchTimedout";
            case LeaveReason.PLUGIN_REQUEST -> "PluginRequest";
            case LeaveReason.PLUGIN_FAILED_JOIN -> "PluginFailedJoin";
            default -> "Leave";
        };
    }
}
