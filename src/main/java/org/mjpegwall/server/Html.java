package org.mjpegwall.server;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's pages as templates with {@code {{name}}} slots: every text value is escaped on the way in, and only
 * {@link Markup} (made by this class's callers from escaped parts) goes in as is. Why by hand: the pages are two
 * small templates, and a template engine would be a dependency bigger than the server.
 */
final class Html {
    private static final Pattern SLOT = Pattern.compile("\\{\\{([a-zA-Z]+)}}");

    private Html() {
    }

    /** Markup that is safe as it stands: inserted into a template unescaped. */
    record Markup(String html) {
    }

    /** Text made safe for an element's content or a quoted attribute value. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * The template with each {@code {{name}}} replaced: a {@link Markup} value as is, any other value escaped.
     *
     * @throws IllegalArgumentException if a slot has no value (a template and its caller disagree)
     */
    static Markup fill(String template, Map<String, ?> values) {
        Matcher m = SLOT.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 256);
        while (m.find()) {
            Object v = values.get(m.group(1));
            if (v == null) {
                throw new IllegalArgumentException("no value for {{" + m.group(1) + "}}");
            }
            String text = v instanceof Markup markup ? markup.html() : escape(v.toString());
            m.appendReplacement(out, Matcher.quoteReplacement(text));
        }
        m.appendTail(out);
        return new Markup(out.toString());
    }
}
