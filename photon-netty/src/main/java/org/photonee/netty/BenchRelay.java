package org.photonee.netty;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.concurrent.ImmediateEventExecutor;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The benchmark's bare relay ceiling on the Netty listener ({@code photon.bench.relay=true}):
 * {@code /photon/bench/relay/{group}} relays each binary message, unchanged, to every channel of its group (the
 * sender included), one {@code writeAndFlush} per delivery and no Photon code, the same as the container's
 * {@code BenchRelayEndpoint}, so {@code ./photon bench --ceiling --transport netty} measures Netty by itself.
 */
final class BenchRelay {
    static final String PATH_PREFIX = "/photon/bench/relay/";
    /** Group names are short: a bound on what a URL can make the map hold. */
    static final int MAX_GROUP_NAME = 32;

    private final Map<String, ChannelGroup> groups = new ConcurrentHashMap<>();

    /** The group a path names, or null when it is no relay path. */
    static String group(String path) {
        if (!path.startsWith(PATH_PREFIX)) {
            return null;
        }
        String g = path.substring(PATH_PREFIX.length());
        return g.isEmpty() || g.length() > MAX_GROUP_NAME || g.indexOf('/') >= 0 ? null : g;
    }

    Handler join(String group, Channel channel) {
        ChannelGroup members = groups.computeIfAbsent(group,
                g -> new DefaultChannelGroup(g, ImmediateEventExecutor.INSTANCE));
        members.add(channel); // removed by the group itself when the channel closes
        return new Handler(members);
    }

    static final class Handler extends SimpleChannelInboundHandler<WebSocketFrame> {
        private final ChannelGroup members;

        Handler(ChannelGroup members) {
            this.members = members;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
            if (frame instanceof BinaryWebSocketFrame) {
                for (Channel member : members) {
                    member.writeAndFlush(frame.retainedDuplicate(), member.voidPromise());
                }
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
