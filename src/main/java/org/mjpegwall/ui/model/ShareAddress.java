package org.mjpegwall.ui.model;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.text.Normalizer;
import java.util.Collections;
import java.util.Locale;
import java.util.Set;

/**
 * The addresses shared cameras are served under: a readable path made from the camera's name
 * ({@code /camera/front-door/stream.mjpg}), the same on every start, and the host other computers use.
 */
final class ShareAddress {
    /** Longest path name; the server takes 64 characters, and room is left for "-2", "-3", …. */
    static final int MAX_SLUG = 48;

    private ShareAddress() {
    }

    /**
     * The path name for a camera: its name in lower case, accents dropped, every run of other characters
     * made one '-'; "camera" when nothing is left; "-2", "-3", … when {@code taken} already holds it.
     */
    static String slug(String name, Set<String> taken) {
        String plain = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (plain.length() > MAX_SLUG) {
            plain = plain.substring(0, MAX_SLUG).replaceAll("-+$", "");
        }
        if (plain.isEmpty()) {
            plain = "camera";
        }
        String slug = plain;
        for (int n = 2; taken.contains(slug); n++) {
            slug = plain + "-" + n;
        }
        return slug;
    }

    /**
     * The address to give out: the server's own ({@code 127.0.0.1}) when only this computer may watch,
     * else the same with this computer's network address, when it has one.
     */
    static String forViewers(URI local, boolean exposed, InetAddress network) {
        if (!exposed || network == null) {
            return local.toString();
        }
        String host = network.getHostAddress();
        return local.getScheme() + "://" + host + ":" + local.getPort() + local.getRawPath();
    }

    /**
     * This computer's IPv4 address on the local network (the first private address of an interface that
     * is up and not a loopback, virtual, point-to-point or container bridge), or {@code null}.
     */
    static InetAddress networkAddress() {
        try {
            for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nif.isUp() || nif.isLoopback() || nif.isVirtual() || nif.isPointToPoint()
                        || nif.getName().matches("(docker|veth|virbr|br-).*")) {
                    continue;
                }
                for (InetAddress a : Collections.list(nif.getInetAddresses())) {
                    if (a instanceof Inet4Address && a.isSiteLocalAddress()) {
                        return a;
                    }
                }
            }
        } catch (SocketException e) {
            return null;
        }
        return null;
    }
}
