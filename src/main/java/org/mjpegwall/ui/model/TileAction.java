package org.mjpegwall.ui.model;

/** What a tile's buttons, its menu and the keys ask for a camera. */
public enum TileAction { SNAPSHOT, RECORD, SHARE, FOCUS }
