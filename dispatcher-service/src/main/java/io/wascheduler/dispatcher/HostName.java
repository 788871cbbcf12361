package io.wascheduler.dispatcher;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** The default instance id: the host name, stable across restarts of the same instance. */
final class HostName {

    private HostName() {
    }

    static String current() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
