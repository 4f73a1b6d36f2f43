package dev.steward.e2e.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * What a Kubernetes Service does for the replicas of a Deployment, on one machine: a TCP proxy on the
 * service's address that hands each new connection to the next replica in turn. Connection-level, like
 * kube-proxy: a keep-alive connection stays with its replica, so callers that pool connections spread
 * over the replicas as soon as they open more than one. Loopback only.
 */
public final class RoundRobinProxy implements AutoCloseable {

    private final String name;
    private final ServerSocket server;
    private final List<Integer> backends;
    private final AtomicLong next = new AtomicLong();
    private final AtomicLongArray connections;
    private final Thread acceptor;

    private RoundRobinProxy(String name, int port, List<Integer> backends) throws IOException {
        this.name = name;
        this.backends = List.copyOf(backends);
        this.connections = new AtomicLongArray(backends.size());
        this.server = new ServerSocket(port, 200, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::accept, "proxy-" + name);
        this.acceptor.setDaemon(true);
    }

    /** Listens on 127.0.0.1:{@code port} and forwards to 127.0.0.1:{@code backends}, in turn. */
    public static RoundRobinProxy start(String name, int port, List<Integer> backends) {
        try {
            RoundRobinProxy proxy = new RoundRobinProxy(name, port, backends);
            proxy.acceptor.start();
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not listen on " + port + " for " + name, e);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Connections handed to each replica so far, in the order of the backends. */
    public long[] connectionsPerReplica() {
        long[] counts = new long[backends.size()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = connections.get(i);
        }
        return counts;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                client.setTcpNoDelay(true);
                // A replica that does not answer (stopped, restarting) is skipped, as a Service skips an
                // endpoint that is not ready; only when none answers is the connection dropped.
                Socket upstream = null;
                for (int tries = 0; tries < backends.size() && upstream == null; tries++) {
                    int i = (int) (next.getAndIncrement() % backends.size());
                    try {
                        upstream = new Socket();
                        upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), backends.get(i)), 2000);
                        upstream.setTcpNoDelay(true);
                        connections.incrementAndGet(i);
                    } catch (IOException refused) {
                        closeQuietly(upstream);
                        upstream = null;
                    }
                }
                if (upstream == null) {
                    closeQuietly(client);
                    continue;
                }
                pipe(client, upstream);
                pipe(upstream, client);
            } catch (IOException e) {
                if (!server.isClosed()) {
                    System.err.println("proxy " + name + ": " + e.getMessage());
                }
            }
        }
    }

    /** Copies one direction until either side closes, then closes both. */
    private void pipe(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // the other direction closed the sockets, or a peer reset: the connection is over
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "proxy-" + name + "-pipe");
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(Socket s) {
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public String toString() {
        return "proxy " + name + " :" + port() + " -> " + backends;
    }
}
