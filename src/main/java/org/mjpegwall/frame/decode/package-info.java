/**
 * JPEG decoding for display and analysis, without JavaFX: libjpeg-turbo's TurboJPEG API through JNA when the
 * native library can be loaded, ImageIO otherwise. Decodes at the DCT scaling factor whose size just covers
 * the size asked for, straight into the pixel layout the caller wants, into a buffer the caller owns and
 * reuses. Start with {@link org.mjpegwall.frame.decode.JpegDecoders}.
 */
package org.mjpegwall.frame.decode;
