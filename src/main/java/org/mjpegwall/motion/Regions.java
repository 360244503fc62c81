package org.mjpegwall.motion;

import java.util.ArrayList;
import java.util.List;

/**
 * Bounding boxes of the 8-connected regions of a change map, largest first. Iterative (an explicit
 * stack as large as the map) so a picture full of change cannot overflow the thread's stack; the work
 * arrays are kept between calls.
 */
final class Regions {
    private int[] stack = new int[0];
    private boolean[] seen = new boolean[0];

    /** @param changed one flag per pixel of a {@code w × h} map; not modified */
    List<Box> boxes(boolean[] changed, int w, int h, int maxBoxes) {
        int n = w * h;
        if (stack.length < n) {
            stack = new int[n];
            seen = new boolean[n];
        } else {
            java.util.Arrays.fill(seen, 0, n, false);
        }
        List<int[]> found = new ArrayList<>(); // {minX, minY, maxX, maxY, count}
        for (int start = 0; start < n; start++) {
            if (!changed[start] || seen[start]) {
                continue;
            }
            int[] r = {w, h, -1, -1, 0};
            int top = 0;
            stack[top++] = start;
            seen[start] = true;
            while (top > 0) {
                int p = stack[--top];
                int x = p % w;
                int y = p / w;
                r[0] = Math.min(r[0], x);
                r[1] = Math.min(r[1], y);
                r[2] = Math.max(r[2], x);
                r[3] = Math.max(r[3], y);
                r[4]++;
                for (int dy = -1; dy <= 1; dy++) {
                    int ny = y + dy;
                    if (ny < 0 || ny >= h) {
                        continue;
                    }
                    for (int dx = -1; dx <= 1; dx++) {
                        int nx = x + dx;
                        int q = ny * w + nx;
                        if (nx >= 0 && nx < w && changed[q] && !seen[q]) {
                            seen[q] = true;
                            stack[top++] = q;
                        }
                    }
                }
            }
            found.add(r);
        }
        found.sort((a, b) -> Integer.compare(b[4], a[4]));
        List<Box> boxes = new ArrayList<>(Math.min(maxBoxes, found.size()));
        for (int i = 0; i < found.size() && i < maxBoxes; i++) {
            int[] r = found.get(i);
            boxes.add(new Box((double) r[0] / w, (double) r[1] / h, (double) (r[2] + 1 - r[0]) / w,
                    (double) (r[3] + 1 - r[1]) / h));
        }
        return boxes;
    }
}
