package dev.arcade.kit.backend;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Checks an emulator address before anything connects to it.
 *
 * <p>The course talks only to emulators on this machine, so a learner's real account, or a
 * colleague's server, is never reached by accident. The check is purely textual: no name is
 * resolved and no connection is made, because a DNS lookup or a probe would already be traffic.
 */
public final class Endpoints {
    private Endpoints() {}

    /**
     * Parses and checks an endpoint setting.
     *
     * @param setting the setting's name, for the message
     * @param value the address, for example {@code http://127.0.0.1:4566}
     * @param allowRemote whether {@link Settings#ALLOW_REMOTE_ENDPOINT} is on
     * @throws BackendUnavailableException naming the fix when the address is malformed or not loopback
     */
    public static URI checked(String setting, String value, boolean allowRemote) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new BackendUnavailableException(
                    setting + "=" + value + " is not a URL; write it like http://127.0.0.1:4566.", e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new BackendUnavailableException(
                    setting + "=" + value + " is not an http(s) URL with a host; write it like http://127.0.0.1:4566.");
        }
        if (!allowRemote && !isLoopback(uri.getHost())) {
            throw new BackendUnavailableException(setting + "=" + value
                    + " is not a loopback address, and the course only talks to emulators on this machine"
                    + " (127.0.0.1, localhost, [::1]); point it at one, or set "
                    + Settings.ALLOW_REMOTE_ENDPOINT + "=true if the emulator really runs on another host you own.");
        }
        return uri;
    }

    /** Whether a host, as written, is a loopback address: {@code localhost}, {@code 127.x.y.z} or {@code ::1}. */
    public static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.equals("localhost") || h.endsWith(".localhost")) {
            return true;
        }
        if (h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")) {
            return true;
        }
        String[] parts = h.split("\\.", -1);
        if (parts.length != 4 || !parts[0].equals("127")) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty()
                    || part.length() > 3
                    || !part.chars().allMatch(Character::isDigit)
                    || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }
}
