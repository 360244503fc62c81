package org.mjpegwall.server;

import java.util.List;
import java.util.Map;

/** The server's index page: every camera with a preview and its stream and snapshot links. */
final class IndexPage {
    /** Why snapshots beyond a few cameras: browsers open at most 6 connections per server, so more than a handful
     * of endless MJPEG {@code <img>} streams would leave the rest of the page (and the links) waiting. */
    static final int LIVE_PREVIEW_LIMIT = 5;

    private static final String PAGE = """
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><title>{{title}}</title>
            <style>body{font-family:sans-serif;background:#222;color:#eee}\
            .cam{display:inline-block;margin:8px;vertical-align:top}\
            .cam img{width:320px;background:#000;display:block}a{color:#9cf}</style>
            </head><body>
            <h1>{{title}}</h1>
            {{body}}<p><a href="status">status (JSON)</a></p>
            </body></html>
            """;
    private static final String NO_CAMERAS = "<p>No cameras are served.</p>\n";
    private static final String POLLING_NOTE = "<p>Previews refresh twice a second (browsers open only a few "
            + "connections per server); follow a camera's stream link for the full frame rate.</p>\n";
    private static final String LIVE_CAMERA = """
            <div class="cam"><h2>{{name}}</h2><img src="{{base}}stream.mjpg" alt="{{name}}">\
            <a href="{{base}}stream.mjpg">stream</a> &middot; <a href="{{base}}snapshot.jpg">snapshot</a></div>
            """;
    private static final String POLLED_CAMERA = """
            <div class="cam"><h2>{{name}}</h2><img class="poll" src="{{base}}snapshot.jpg" alt="{{name}}">\
            <a href="{{base}}stream.mjpg">stream</a> &middot; <a href="{{base}}snapshot.jpg">snapshot</a></div>
            """;
    private static final String POLLING_SCRIPT = "<script>setInterval(function(){document.querySelectorAll("
            + "'img.poll').forEach(function(i){i.src=i.src.split('?')[0]+'?t='+Date.now();});},500);</script>\n";

    private IndexPage() {
    }

    /** The page for {@code cameras}, titled {@code title}; names and title are escaped. */
    static String render(String title, List<ServedCamera> cameras) {
        boolean live = cameras.size() <= LIVE_PREVIEW_LIMIT;
        StringBuilder body = new StringBuilder();
        if (cameras.isEmpty()) {
            body.append(NO_CAMERAS);
        }
        if (!live) {
            body.append(POLLING_NOTE);
        }
        for (ServedCamera c : cameras) {
            body.append(Html.fill(live ? LIVE_CAMERA : POLLED_CAMERA,
                    Map.of("name", c.name(), "base", "camera/" + c.id() + "/")).html());
        }
        if (!live) {
            body.append(POLLING_SCRIPT);
        }
        return Html.fill(PAGE, Map.of("title", title, "body", new Html.Markup(body.toString()))).html();
    }
}
