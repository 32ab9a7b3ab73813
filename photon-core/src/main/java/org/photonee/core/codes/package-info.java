/**
 * The numeric contract with existing Photon clients: operation, parameter, event, return and property codes,
 * exactly as LOADBALANCING.md lists them. Code spaces that clients extend are int constants; closed sets are enums.
 */
package org.photonee.core.codes;
