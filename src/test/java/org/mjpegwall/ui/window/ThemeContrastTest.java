package org.mjpegwall.ui.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The wall's stylesheet names each colour once, and its text meets WCAG 2.1 AA contrast (4.5:1 for
 * text, 3:1 for other marks) on its background. Text on video sits on a scrim; its worst case is the
 * scrim over a white picture.
 */
class ThemeContrastTest {
    private static final Pattern COLOUR_LITERAL = Pattern.compile("#[0-9a-fA-F]{3,8}\\b|rgba?\\(");
    private static final Pattern VARIABLE = Pattern.compile("(-wall-[a-z-]+)\\s*:\\s*([^;]+);");
    private static final double[] WHITE = {1, 1, 1, 1};

    private static String css;
    private static Map<String, double[]> colours;

    @BeforeAll
    static void read() throws Exception {
        try (InputStream in = ThemeContrastTest.class.getResourceAsStream("/org/mjpegwall/ui/wall.css")) {
            css = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?s)/\\*.*?\\*/", "");
        }
        colours = new HashMap<>();
        Matcher m = VARIABLE.matcher(rootBlock());
        while (m.find()) {
            colours.put(m.group(1), parse(m.group(2).strip()));
        }
    }

    private static String rootBlock() {
        int start = css.indexOf(".root");
        return css.substring(start, css.indexOf('}', start));
    }

    @Test
    void everyColourIsNamedOnceAtTheTopAndEveryNameUsedIsDefined() {
        String rules = css.replace(rootBlock(), "");
        Matcher literal = COLOUR_LITERAL.matcher(rules);
        if (literal.find()) {
            throw new AssertionError("a colour spelt out in a rule instead of named at the top: "
                    + rules.substring(Math.max(0, literal.start() - 60), Math.min(rules.length(), literal.end() + 20)));
        }
        Matcher used = Pattern.compile("-wall-[a-z-]+").matcher(rules);
        while (used.find()) {
            assertTrue(colours.containsKey(used.group()), used.group() + " is used but not defined");
        }
        assertTrue(colours.size() >= 10, "palette: " + colours.keySet());
    }

    @Test
    void textOnBarsAndDialogsMeetsAa() {
        for (String text : List.of("-wall-text", "-wall-text-muted", "-wall-accent", "-wall-danger", "-wall-warning",
                "-wall-success", "-wall-motion")) {
            assertContrast(text, over("-wall-bar", WHITE), 4.5);
            assertContrast(text, over("-wall-bg", WHITE), 4.5);
        }
        assertContrast("-wall-text", over("-wall-hint-bg", WHITE), 4.5);
        assertContrast("-wall-text", over("-wall-bar-hover", WHITE), 4.5);
    }

    @Test
    void textOnVideoMeetsAaEvenOverAWhitePicture() {
        double[] scrimOnWhite = over("-wall-scrim", WHITE);
        for (String text : List.of("-wall-text", "-wall-warning", "-wall-success", "-wall-motion")) {
            assertContrast(text, scrimOnWhite, 4.5);
        }
        // icons of the hover buttons, and the recording dot (marks, not text: 3:1)
        assertContrast("-wall-text", over("-wall-button", WHITE), 4.5);
        assertContrast("-wall-danger", scrimOnWhite, 3);
        assertContrast("-wall-danger", over("-wall-button", WHITE), 3);
        assertContrast("-wall-success", over("-wall-button", WHITE), 3);
    }

    @Test
    void contrastFormulaMatchesTheStandardsExamples() {
        assertEquals(21, ratio(new double[] {0, 0, 0, 1}, WHITE), 0.01);
        assertEquals(4.54, ratio(parse("#767676"), WHITE), 0.01);
    }

    private static void assertContrast(String fg, double[] bg, double min) {
        double r = ratio(over(fg, bg), bg);
        assertTrue(r >= min, fg + " on " + toHex(bg) + ": " + String.format("%.2f", r) + ":1 < " + min + ":1");
    }

    /** The named colour composited over a background (the scrims are translucent). */
    private static double[] over(String name, double[] bg) {
        double[] c = colours.get(name);
        assertTrue(c != null, name + " is not defined");
        double a = c[3];
        return new double[] {c[0] * a + bg[0] * (1 - a), c[1] * a + bg[1] * (1 - a), c[2] * a + bg[2] * (1 - a), 1};
    }

    private static double ratio(double[] a, double[] b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(double[] c) {
        return 0.2126 * linear(c[0]) + 0.7152 * linear(c[1]) + 0.0722 * linear(c[2]);
    }

    private static double linear(double v) {
        return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    private static double[] parse(String v) {
        if (v.startsWith("#")) {
            int rgb = Integer.parseInt(v.substring(1), 16);
            return new double[] {(rgb >> 16 & 255) / 255.0, (rgb >> 8 & 255) / 255.0, (rgb & 255) / 255.0, 1};
        }
        Matcher m = Pattern.compile("rgba?\\((\\d+),\\s*(\\d+),\\s*(\\d+)(?:,\\s*([0-9.]+))?\\)").matcher(v);
        assertTrue(m.matches(), "colour " + v);
        return new double[] {Integer.parseInt(m.group(1)) / 255.0, Integer.parseInt(m.group(2)) / 255.0,
            Integer.parseInt(m.group(3)) / 255.0, m.group(4) == null ? 1 : Double.parseDouble(m.group(4))};
    }

    private static String toHex(double[] c) {
        return String.format("#%02x%02x%02x", Math.round(c[0] * 255), Math.round(c[1] * 255), Math.round(c[2] * 255));
    }
}
