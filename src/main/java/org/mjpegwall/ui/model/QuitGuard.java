package org.mjpegwall.ui.model;

import java.util.List;

/**
 * Asks before quitting while cameras record, watch by a recording mode (continuously or on motion) or are shared:
 * quitting stops all three, and a wall that watches unattended records nothing while it is closed. Recording
 * resumes at the next start (the configuration keeps it), which the question says.
 */
final class QuitGuard {
    private QuitGuard() {
    }

    /**
     * The question for these cameras, or {@code null} when quitting loses nothing.
     *
     * @param recording names of the cameras recording now (Record)
     * @param watching names of the cameras that record by their recording mode (continuously or on motion); those
     *     also in {@code recording} are named there only
     * @param shared names of the cameras shared now
     * @param resumes whether the configuration brings them back at the next start ({@code --demo N} does not)
     */
    static String question(List<String> recording, List<String> byMode, List<String> shared, boolean resumes) {
        List<String> watching = byMode.stream().filter(n -> !recording.contains(n)).toList();
        if (recording.isEmpty() && watching.isEmpty() && shared.isEmpty()) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        if (!recording.isEmpty()) {
            b.append("Recording of ").append(names(recording)).append(" stops now; the files are finished")
                    .append(resumes ? ", and recording starts again when the wall next starts." : ".");
        }
        if (!watching.isEmpty()) {
            if (b.length() > 0) {
                b.append("\n\n");
            }
            b.append(names(watching)).append(watching.size() == 1 ? " records by itself (its recording mode)"
                    : " record by themselves (their recording mode)")
                    .append(": nothing is recorded while the wall is closed.");
        }
        if (!shared.isEmpty()) {
            if (b.length() > 0) {
                b.append("\n\n");
            }
            b.append("Sharing of ").append(names(shared)).append(" stops: viewers lose the stream")
                    .append(resumes ? " until the wall runs again." : ".");
        }
        return b.toString();
    }

    /** Asks when something would be lost (UI thread); true when the wall may quit. */
    static boolean mayQuit(DialogService dialogs, List<String> recording, List<String> watching, List<String> shared,
            boolean resumes) {
        String text = question(recording, watching, shared, resumes);
        return text == null || dialogs.confirm("quit-dialog", "Quit MJPEG Wall?", text, "Quit", "Keep running");
    }

    /** "A", "A and B", "A, B and C", "A, B, C and 4 more". */
    static String names(List<String> names) {
        int n = names.size();
        if (n == 1) {
            return names.get(0);
        }
        int shown = Math.min(n, 3);
        String head = String.join(", ", names.subList(0, shown - (n <= 3 ? 1 : 0)));
        return n <= 3 ? head + " and " + names.get(n - 1) : head + " and " + (n - 3) + " more";
    }
}
