package shop.storefront.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP relay that can stop what clients send from reaching the server. Frozen, client bytes are held
 * back while server answers still flow; thawing closes every connection that was frozen, discarding held bytes.
 * So an SMTP message is either fully received before the freeze or never received at all. Client bytes are
 * relayed with a small delay, to make a run slow enough to freeze in the middle. Cut, it refuses connections as a
 * stopped server does.
 */
public final class FreezableProxy implements AutoCloseable {

    private volatile ServerSocket listener;
    private final int port;
    private final int targetPort;
    private final long delayMillis;
    private final List<Socket[]> connections = new CopyOnWriteArrayList<>();
    private volatile boolean frozen;
    private volatile boolean holding;

    public FreezableProxy(int targetPort, long delayMillis) throws IOException {
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.port = listener.getLocalPort();
        this.targetPort = targetPort;
        this.delayMillis = delayMillis;
        startAccepting(listener);
    }

    public int port() {
        return port;
    }

    /** The server gone: every connection is dropped and new ones are refused, until {@link #restore}. */
    public void cut() throws IOException {
        listener.close();
        thaw();
    }

    /** Accepts connections on the same port again after {@link #cut}. */
    public void restore() throws IOException {
        ServerSocket reopened = new ServerSocket();
        reopened.setReuseAddress(true);
        reopened.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        listener = reopened;
        startAccepting(reopened);
    }

    private void startAccepting(ServerSocket socket) {
        Thread.ofVirtual().start(() -> accept(socket));
    }

    public void freeze() {
        holding = false;
        frozen = true;
    }

    /** Whether, since the last freeze, a client sent something that is being held back: it now waits for an answer. */
    public boolean holdsClientBytes() {
        return holding;
    }

    /** Lets what was held back reach the server after all, as a relay that was only slow; connections stay open. */
    public void release() {
        frozen = false;
        holding = false;
    }

    /** Drops every connection (and what it held back), then relays normally again. */
    public void thaw() {
        for (Socket[] pair : connections) {
            closeQuietly(pair[0]);
            closeQuietly(pair[1]);
        }
        connections.clear();
        frozen = false;
        holding = false;
    }

    private void accept(ServerSocket listener) {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                Socket[] pair = {client, server};
                connections.add(pair);
                Thread.ofVirtual().start(() -> relay(client, server, true, pair));
                Thread.ofVirtual().start(() -> relay(server, client, false, pair));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void relay(Socket from, Socket to, boolean clientToServer, Socket[] pair) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (clientToServer) {
                    Thread.sleep(delayMillis);
                    while (frozen && connections.contains(pair)) {
                        holding = true;
                        Thread.sleep(20);
                    }
                    if (!connections.contains(pair)) {
                        return; // dropped by thaw(): what was held back never reaches the server
                    }
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // connection closed
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        thaw();
    }
}
