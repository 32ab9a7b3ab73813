/**
 * The server-to-server contract between game servers and their master: registration, load reports, room state
 * reports. Both sides code against these types so the contract lives in one place.
 *
 * <p>A game server's link to the master (an {@code OutboundS2SPeer} to the master's {@code s2s} endpoint):
 * <ol>
 * <li>on {@code onConnectionEstablished}: send {@link org.photonee.core.s2s.S2SMessages#registerGameServer} with a
 *     {@link org.photonee.core.s2s.GameServerRegistration} whose credential is
 *     {@link org.photonee.core.s2s.S2SCredentials#create} (same token key as the master), then every room's
 *     {@link org.photonee.core.s2s.S2SMessages#updateGameState} (the master drops rooms not re-reported within
 *     {@code GSContextTTL} after a reconnect);</li>
 * <li>every second and on level/state change: {@link org.photonee.core.s2s.S2SMessages#updateServer} (see
 *     {@code org.photonee.core.workload.WorkloadMonitor}), and
 *     {@link org.photonee.core.s2s.S2SMessages#updateAppStats};</li>
 * <li>from {@link org.photonee.core.s2s.GameStateListener}: {@code updateGameState(report)} and
 *     {@link org.photonee.core.s2s.S2SMessages#removeGameState}; reports must carry the app id and version of the
 *     room's creator (from its token), which is how the master files the room;</li>
 * <li>on graceful shutdown: {@link org.photonee.core.s2s.S2SMessages#gameServerLeave()}.</li>
 * </ol>
 */
package org.photonee.core.s2s;
