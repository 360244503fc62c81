package org.mjpegwall.server;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The index page and its template helper, without a server. */
class IndexPageTest {
    private static ServedCamera camera(String id, String name) {
        return new ServedCamera(id, name, new FrameHub(), null);
    }

    @Test
    void escapesTitleAndNamesEverywhereTheyAppear() {
        // when
        String html = IndexPage.render("Wall <b>&</b>", List.of(camera("1", "\"><script>alert('x')</script>")));

        // then
        assertThat(html, containsString("<title>Wall &lt;b&gt;&amp;&lt;/b&gt;</title>"));
        assertThat(html, containsString("<h2>&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</h2>"));
        assertThat(html, containsString("alt=\"&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;\""));
        assertThat(html, not(containsString("<script>alert")));
    }

    @Test
    void aFewCamerasGetLiveStreamsAndTheExactMarkup() {
        // when
        String html = IndexPage.render("Wall", List.of(camera("1", "Door")));

        // then
        assertEquals("""
                <!DOCTYPE html>
                <html><head><meta charset="utf-8"><title>Wall</title>
                <style>body{font-family:sans-serif;background:#222;color:#eee}.cam{display:inline-block;margin:8px;\
                vertical-align:top}.cam img{width:320px;background:#000;display:block}a{color:#9cf}</style>
                </head><body>
                <h1>Wall</h1>
                <div class="cam"><h2>Door</h2><img src="camera/1/stream.mjpg" alt="Door"><a href="camera/1/stream.mjpg">\
                stream</a> &middot; <a href="camera/1/snapshot.jpg">snapshot</a></div>
                <p><a href="status">status (JSON)</a></p>
                </body></html>
                """, html);
    }

    @Test
    void manyCamerasPollSnapshotsInstead() {
        // given one camera more than browsers would stream at once
        List<ServedCamera> cams = new ArrayList<>();
        for (int i = 1; i <= IndexPage.LIVE_PREVIEW_LIMIT + 1; i++) {
            cams.add(camera("c" + i, "Cam " + i));
        }

        // when
        String html = IndexPage.render("Wall", cams);

        // then
        assertThat(html, not(containsString("stream.mjpg\" alt")));
        assertThat(html, containsString("<img class=\"poll\" src=\"camera/c6/snapshot.jpg\" alt=\"Cam 6\">"));
        assertThat(html, containsString("Previews refresh twice a second"));
        assertThat(html, containsString("<script>setInterval("));
    }

    @Test
    void anEmptyServerSaysSo() {
        assertThat(IndexPage.render("Wall", List.of()), containsString("<p>No cameras are served.</p>"));
    }

    @Test
    void templatesEscapeTextButNotMarkupAndRefuseAMissingValue() {
        assertEquals("<i>a&amp;b</i> <b>", Html.fill("<i>{{t}}</i> {{m}}",
                Map.of("t", "a&b", "m", new Html.Markup("<b>"))).html());
        assertEquals("$1 \\\\", Html.fill("{{t}}", Map.of("t", "$1 \\\\")).html());
        assertThrows(IllegalArgumentException.class, () -> Html.fill("{{missing}}", Map.of()));
    }
}
