package dev.arcade.lambda.host;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Keeps a function's HTTP traffic on this machine: any connection through {@link ProxySelector}
 * (the JDK's HTTP clients) to a host that is not loopback goes to the kit's front as a proxy, which
 * refuses it and records the attempt. The environment's {@code HTTPS_PROXY}/{@code HTTP_PROXY}
 * variables and {@code http(s).proxyHost} properties do the same for clients that read those (the
 * AWS SDK's Apache client reads the properties).
 *
 * <p>A connection that is not plain HTTP ({@code https://}, a socket) reaches the front as a
 * {@code CONNECT host:port} request, which the front's HTTP server cannot hand to its handler, so the
 * front would close it without recording the host. For those the selector first reports the host
 * to the front itself, as a plain HTTP request for {@code http://host:port/} over a direct socket
 * (which the front refuses and records), then returns the proxy as for any other host: the
 * function's connection still fails.
 */
final class LoopbackOnly {

    private LoopbackOnly() {}

    static void install() {
        String front = System.getProperty("arcade.lambda.front");
        if (front == null) {
            return;
        }
        URI uri = URI.create(front);
        Proxy proxy = new Proxy(Proxy.Type.HTTP, new InetSocketAddress(uri.getHost(), uri.getPort()));
        ProxySelector.setDefault(new ProxySelector() {
            @Override
            public List<Proxy> select(URI target) {
                String host = target.getHost();
                boolean loopback = host == null
                        || host.equals("localhost")
                        || host.startsWith("127.")
                        || host.equals("[::1]")
                        || host.equals("::1");
                if (loopback) {
                    return List.of(Proxy.NO_PROXY);
                }
                if (!"http".equalsIgnoreCase(target.getScheme())) {
                    report(uri, host, target.getPort());
                }
                return List.of(proxy);
            }

            @Override
            public void connectFailed(URI target, SocketAddress address, IOException e) {}
        });
    }

    /** Asks the front for {@code http://host:port/} so that it records the refused host; best effort. */
    private static void report(URI front, String host, int port) {
        String authority = host + (port < 0 ? "" : ":" + port);
        try (Socket socket = new Socket(Proxy.NO_PROXY)) {
            socket.connect(new InetSocketAddress(front.getHost(), front.getPort()), 2_000);
            socket.setSoTimeout(2_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET http://" + authority + "/ HTTP/1.1\r\nHost: " + authority.toLowerCase(Locale.ROOT)
                            + "\r\nConnection: close\r\nContent-Length: 0\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            in.read(new byte[512]);
        } catch (IOException e) {
            // the connection fails anyway; only the record is lost
        }
    }
}
