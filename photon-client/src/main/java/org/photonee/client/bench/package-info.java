/**
 * The load generator for the BENCHMARK.md reference workload: {@link org.photonee.client.bench.BenchMain} runs every
 * simulated user in one JVM and writes the result JSON.
 */
package org.photonee.client.bench;
