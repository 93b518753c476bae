package dev.arcade.lambda.host;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;

/**
 * Keeps a function's HTTP traffic on this machine: any connection through {@link ProxySelector}
 * (the JDK's HTTP clients) to a host that is not loopback goes to the kit's front as a proxy, which
 * refuses it and records the attempt. The environment's {@code HTTPS_PROXY}/{@code HTTP_PROXY}
 * variables and {@code http(s).proxyHost} properties do the same for clients that read those (the
 * AWS SDK's Apache client reads the properties).
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
                return List.of(loopback ? Proxy.NO_PROXY : proxy);
            }

            @Override
            public void connectFailed(URI target, SocketAddress address, IOException e) {}
        });
    }
}
