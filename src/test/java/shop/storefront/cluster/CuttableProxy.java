package shop.storefront.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback TCP relay to a shared service (PostgreSQL, Redis) that a test can cut, so that an instance loses the
 * service as when it stops, while the service itself keeps running for everyone else. Cut, the relay stops
 * listening (new connections are refused) and resets every open connection; restored, it listens on the same port
 * again.
 */
public final class CuttableProxy implements AutoCloseable {

    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

    private final InetSocketAddress target;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong accepted = new AtomicLong();
    private ServerSocket listener;
    private volatile boolean down;

    /** A relay on a free loopback port to this service. */
    public CuttableProxy(String targetHost, int targetPort) throws IOException {
        this(0, new InetSocketAddress(targetHost, targetPort));
    }

    /** A relay on this loopback port to a service on this loopback port. */
    public CuttableProxy(int port, int targetPort) throws IOException {
        this(port, new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort));
    }

    private CuttableProxy(int port, InetSocketAddress target) throws IOException {
        this.target = target;
        this.listener = listen(port);
        this.port = listener.getLocalPort();
        acceptOn(listener);
    }

    public int port() {
        return port;
    }

    /** Connections relayed since the start: proof that the instances really reach the service through here. */
    public long connectionsAccepted() {
        return accepted.get();
    }

    /** Refuses new connections and resets the open ones (RST, as when the service's host goes away). */
    public synchronized void cut() {
        down = true;
        try {
            listener.close();
        } catch (IOException e) {
            // not listening any more either way
        }
        for (Socket socket : open) {
            reset(socket);
        }
        open.clear();
    }

    /** Listens again on the same port. */
    public synchronized void restore() {
        if (listener.isClosed()) {
            try {
                listener = listen(port);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not listen on port " + port + " again", e);
            }
            acceptOn(listener);
        }
        down = false;
    }

    private static ServerSocket listen(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 100);
        return socket;
    }

    private void acceptOn(ServerSocket socket) {
        Thread.ofVirtual().name("cuttable-proxy-" + port).start(() -> {
            while (!socket.isClosed()) {
                try {
                    relay(socket.accept());
                } catch (IOException e) {
                    return; // cut or closed
                }
            }
        });
    }

    private void relay(Socket client) {
        accepted.incrementAndGet();
        Thread.ofVirtual().start(() -> {
            Socket server = new Socket();
            try {
                server.connect(target, CONNECT_TIMEOUT_MILLIS);
            } catch (IOException e) {
                reset(client);
                return;
            }
            open.add(client);
            open.add(server);
            if (down) { // cut while this connection was being made
                reset(client);
                reset(server);
                return;
            }
            Thread.ofVirtual().start(() -> copy(client, server));
            copy(server, client);
        });
    }

    private void copy(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // reset by cut() or by either side
        } finally {
            close(from);
            close(to);
        }
    }

    private void close(Socket socket) {
        open.remove(socket);
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    private void reset(Socket socket) {
        open.remove(socket);
        try {
            socket.setSoLinger(true, 0);
        } catch (IOException e) {
            // already closed
        }
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException { // declared for callers written against AutoCloseable's contract
        cut();
    }
}
