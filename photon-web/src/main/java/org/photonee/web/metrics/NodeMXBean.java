package org.photonee.web.metrics;

/** The node's figures in JMX ({@code org.photonee:type=Node,name=<nodeId>}): JConsole, VisualVM, Payara's metrics.xml. */
public interface NodeMXBean {
    int getPeersNameServer();

    int getPeersMaster();

    int getPeersGameServer();

    int getRooms();

    int getLoadLevel();

    String getServerState();

    long getOperationsIn();

    long getResponsesOut();

    long getEventsOut();

    long getBytesIn();

    long getBytesOut();

    long getConnects();

    long getDisconnects();
}
