package io.wascheduler.api.outbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * Makes a broker listening on one port reachable on another, from the moment it is opened: the
 * address a service was configured with answers nothing until then, as if no broker ran there.
 */
final class PortForwarder implements AutoCloseable {

    private final ServerSocket listener;
    private final int targetPort;

    PortForwarder(int listenPort, int targetPort) {
        this.targetPort = targetPort;
        try {
            this.listener = new ServerSocket(listenPort, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread.ofVirtual().name("forwarder-accept").start(this::acceptUntilClosed);
    }

    private void acceptUntilClosed() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                Thread.ofVirtual().start(() -> pipe(client, target));
                Thread.ofVirtual().start(() -> pipe(target, client));
            } catch (IOException e) {
                // closed while accepting, or the target refused: the client sees its connection drop
            }
        }
    }

    private static void pipe(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // one side closed; closing both ends the conversation
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
