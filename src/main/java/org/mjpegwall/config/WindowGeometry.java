package org.mjpegwall.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Where the wall window was and how big, so the next start puts it back. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WindowGeometry(double x, double y, double width, double height, boolean maximized) {
}
