package org.photonee.client.bench;

import java.net.URI;
import java.nio.file.Path;

/**
 * One benchmark run's parameters; defaults are the BENCHMARK.md reference workload.
 *
 * @param url        entry point: a name server ({@code ws://host:port/photon/ns}) or, with {@code viaMaster}, a master
 * @param viaMaster  true to authenticate directly on the master (no name server)
 * @param appId      application id
 * @param appVersion application version
 * @param region     region asked from the name server
 * @param clients    N simulated users
 * @param roomSize   K users per room (the last room is smaller when K does not divide N)
 * @param rateHz     messages per second per user
 * @param warmupS    seconds of sending before the window (not measured)
 * @param windowS    measured seconds
 * @param drainS     seconds after sending stops in which late deliveries still count
 * @param settleMs   pause after the last join
 * @param seed       seeds the per-user send phases
 * @param out        result file, or null for stdout only
 * @param serverPid  server process to read CPU/RSS from, or -1
 * @param framework  the "framework" field of the result
 * @param ceiling    true to drive the bare relay ceiling instead: {@code url} is then the relay base
 *                   ({@code ws://host:port/photon/bench/relay}); user i connects to {@code <url>/<i / roomSize>}
 *                   and sends the bytes of a relayed event, which the relay echoes unchanged to its group
 */
public record BenchConfig(URI url, boolean viaMaster, String appId, String appVersion, String region, int clients,
        int roomSize, int rateHz, double warmupS, double windowS, double drainS, long settleMs, long seed, Path out,
        long serverPid, String framework, boolean ceiling) {

    /** A run against the server (not the ceiling). */
    public BenchConfig(URI url, boolean viaMaster, String appId, String appVersion, String region, int clients,
            int roomSize, int rateHz, double warmupS, double windowS, double drainS, long settleMs, long seed,
            Path out, long serverPid, String framework) {
        this(url, viaMaster, appId, appVersion, region, clients, roomSize, rateHz, warmupS, windowS, drainS, settleMs,
                seed, out, serverPid, framework, false);
    }

    public static BenchConfig reference(URI url) {
        return new BenchConfig(url, false, "bench", "1.0", "eu", 200, 8, 10, 5, 20, 2, 1000, 1, null, -1,
                "photon-ee");
    }

    /** The same run with another number of users. */
    public BenchConfig withClients(int value) {
        return new BenchConfig(url, viaMaster, appId, appVersion, region, value, roomSize, rateHz, warmupS, windowS,
                drainS, settleMs, seed, out, serverPid, framework, ceiling);
    }

    /** The same run with another seed (room names and user ids carry it). */
    public BenchConfig withSeed(long value) {
        return new BenchConfig(url, viaMaster, appId, appVersion, region, clients, roomSize, rateHz, warmupS, windowS,
                drainS, settleMs, value, out, serverPid, framework, ceiling);
    }

    public int rooms() {
        return (clients + roomSize - 1) / roomSize;
    }
}
