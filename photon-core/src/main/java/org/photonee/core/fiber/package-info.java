/**
 * Fibers: serial execution contexts. Each peer has a request fiber and each room an execution fiber; state owned
 * by a fiber is touched only from it. {@link org.photonee.core.fiber.PoolFiber} runs on any executor (managed
 * executors in the container); {@link org.photonee.core.fiber.ManualFiber} gives tests a virtual clock.
 */
package org.photonee.core.fiber;
