/**
 * Exec and attach output: demultiplexing, the output cap, and the background ring buffer.
 *
 * <p>{@link io.pocketdock.internal.frame.StreamDemuxer} splits the engine's 8-byte-header frame
 * format into stdout and stderr pieces and falls back to a raw stream when the engine sends one.
 * {@link io.pocketdock.internal.frame.OutputCapture} keeps a foreground run's output under a byte
 * budget; {@link io.pocketdock.internal.frame.RingBuffer} keeps the latest output of a background
 * process. Both decode UTF-8 without turning a character cut at their edges into garbage.
 */
@NullMarked
package io.pocketdock.internal.frame;

import org.jspecify.annotations.NullMarked;
