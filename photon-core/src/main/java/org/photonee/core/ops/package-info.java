/**
 * The operator's view of a node: snapshots of the cluster (taken on the master fiber) and of rooms (taken on each
 * room's fiber), the last hour of CCU, rooms and message rates, and the operator's actions on rooms. The dashboard
 * in photon-web renders these; nothing here knows about HTTP.
 */
package org.photonee.core.ops;
