package org.photonee.client;

/**
 * One answer of {@link LoadBalancingClient#findFriends}.
 *
 * @param userId the user asked about
 * @param online whether the user is connected
 * @param room   the room the user is in, or null
 */
public record FriendInfo(String userId, boolean online, String room) {
}
