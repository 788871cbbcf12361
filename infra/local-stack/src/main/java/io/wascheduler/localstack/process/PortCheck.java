package io.wascheduler.localstack.process;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

/** Fails early, with a clear message, when a port the stack needs is already taken. */
public final class PortCheck {

    private PortCheck() {
    }

    /** {@code ports} maps what needs a port to the port. */
    public static void requireFree(Map<String, Integer> ports) {
        StringBuilder busy = new StringBuilder();
        ports.forEach((owner, port) -> {
            try (ServerSocket socket = new ServerSocket(port)) {
                socket.setReuseAddress(true);
            } catch (IOException e) {
                busy.append(System.lineSeparator()).append("- ").append(port).append(" (").append(owner).append(")");
            }
        });
        if (!busy.isEmpty()) {
            throw new StartupFailedException(
                "Ports already in use; is another local stack (./dev up or the end-to-end test) running?" + busy);
        }
    }
}
