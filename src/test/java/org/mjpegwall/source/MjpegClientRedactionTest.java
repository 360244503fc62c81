package org.mjpegwall.source;

import org.mjpegwall.util.Secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mjpegwall.testing.ScriptedServer.multipart;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.mjpegwall.testing.FakeTime;
import org.mjpegwall.testing.ScriptedServer;
import org.mjpegwall.testing.TestJpegs;

/** Credentials in the userinfo or in the query never show in stats, printStats, errors or thread names. */
class MjpegClientRedactionTest {
    private static final byte[] A = TestJpegs.fake(1000, 7);

    @Test
    void redactsValuesOfCredentialQueryParametersInAnyCase() {
        assertEquals("http://cam/videostream.cgi?user=***&pwd=***&rate=5",
                Secrets.redact(URI.create("http://cam/videostream.cgi?user=admin&pwd=secret&rate=5")));
        assertEquals("http://cam:81/v?USERNAME=***&Password=***",
                Secrets.redact(URI.create("http://cam:81/v?USERNAME=admin&Password=hunter2")));
        assertEquals("http://cam/v?loginuse=***&loginpas=***&res=0",
                Secrets.redact(URI.create("http://cam/v?loginuse=admin&loginpas=x&res=0")));
        assertEquals("http://cam/v?auth=***&token=***&key=***&apikey=***&api_key=***&sig=***&signature=***&secret=***",
                Secrets.redact(URI.create(
                        "http://cam/v?auth=a&token=b&key=c&apikey=d&api_key=e&sig=f&signature=g&secret=h")));
        assertEquals("http://cam/v?usr=***&login=***&pass=***&passwd=***",
                Secrets.redact(URI.create("http://cam/v?usr=a&login=b&pass=c&passwd=d")));
    }

    @Test
    void redactsTextThatDoesNotParseAndNamesThatHoldASecretWord() {
        // a URL with a space, as a user may type it or an exception message quotes it
        assertEquals("http://cam/x?pwd=***", Secrets.redact("http://bob:hunter2@cam/x?pwd=hunter2 y"));
        assertEquals("http://cam/x?cam_password=***&res=hi", Secrets.redact("http://cam/x?cam_password=abc&res=hi"));
        assertEquals("http://cam/x?action=stream", Secrets.redact("http://cam/x?action=stream"));
        assertEquals("not a url", Secrets.redact("not a url"));
    }

    @Test
    void keepsOtherParametersAndRemovesUserinfo() {
        assertEquals("http://cam:81/a?b=c", Secrets.redact(URI.create("http://u:p@cam:81/a?b=c")));
        assertEquals("http://cam/a?action=stream&keyframe=1&monkey=2&x",
                Secrets.redact(URI.create("http://cam/a?action=stream&keyframe=1&monkey=2&x")));
        assertEquals("https://[::1]:8443/s?pwd=***", Secrets.redact(URI.create("https://u:p@[::1]:8443/s?pwd=p")));
        // an encoded parameter name is still recognised
        assertEquals("http://cam/a?pass%77ord=***", Secrets.redact(URI.create("http://cam/a?pass%77ord=x")));
        // parameters separated by ';', and a password containing ';'
        assertEquals("http://cam/a?rate=5;pwd=***&x=1", Secrets.redact(URI.create("http://cam/a?rate=5;pwd=s3;cr&x=1")));
        assertEquals("http://cam/a?pwd=***&x=1", Secrets.redact(URI.create("http://cam/a?pwd=ab;cd&x=1")));
        // an empty value is masked too: the output never tells whether a secret was set
        assertEquals("http://cam/a?pwd=***&user=***", Secrets.redact(URI.create("http://cam/a?pwd=&user=x")));
    }

    @Test
    void secretsStayOutOfStatsErrorsAndThreadNameWhileTheRealUrlIsSent() throws Exception {
        // given a camera that refuses the first request and then streams
        try (ScriptedServer server = ScriptedServer.start(
                ex -> ex.head("HTTP/1.1 404 Not Found", "Content-Length: 0").close(),
                ex -> {
                    ex.respondMjpeg("b", multipart("b", true, A, A));
                    ex.stallUntilClosed();
                })) {
            URI uri = URI.create("http://viewer:s3cretA@127.0.0.1:" + server.port()
                    + "/videostream.cgi?user=admin&pwd=s3cretB&Token=s3cretC&resolution=32");
            FakeTime time = new FakeTime();
            MjpegClient client = ClientHarness.faked(uri, time, null).build();
            try (ClientHarness h = ClientHarness.start(client)) {
                // when: the 404 is in the stats during the backoff, then frames come
                String error = ClientHarness.awaitBackoffError(client);
                ByteArrayOutputStream printed = new ByteArrayOutputStream();
                client.printStats(new PrintStream(printed, true, StandardCharsets.UTF_8));
                String duringOutage = client.stats() + "\n" + printed.toString(StandardCharsets.UTF_8);
                time.advanceToNextWake();
                h.collect(2);
                // then
                String everything = duringOutage + "\n" + client.stats() + "\n" + error + "\n"
                        + client.readerThread().getName() + "\n" + client.redactedUrl();
                assertEquals("not found (HTTP 404)", error);
                for (String secret : new String[] {"s3cretA", "s3cretB", "s3cretC", "viewer", "admin"}) {
                    assertFalse(everything.contains(secret), secret + " leaked: " + everything);
                }
                assertTrue(everything.contains("/videostream.cgi?user=***&pwd=***&Token=***&resolution=32"), everything);
                assertEquals("/videostream.cgi?user=admin&pwd=s3cretB&Token=s3cretC&resolution=32",
                        server.requests().get(0).target());
            }
        }
    }

    @Test
    void rejectedUrlsNameNoSecretInTheirException() {
        for (String url : new String[] {"ftp://viewer:s3cret@cam/v", "ftp://cam/v?pwd=s3cret&user=viewer",
                "http:///v?password=s3cret"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new MjpegClient(URI.create(url)));
            assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
            assertFalse(e.getMessage().contains("viewer"), e.getMessage());
        }
    }
}
